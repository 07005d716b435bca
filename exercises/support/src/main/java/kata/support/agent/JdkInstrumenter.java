package kata.support.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Gives the JDK's blocking primitives the scheduler's hooks, so that a controlled execution models
 * them instead of watching the JVM: {@code java.lang.Thread} (start, the start and end of a thread,
 * join, sleep, interrupt, isAlive, getState), {@code LockSupport} (park and unpark, on which every
 * lock, condition, semaphore, latch, barrier, phaser, queue and future of
 * {@code java.util.concurrent} is built, hand-made {@code AbstractQueuedSynchronizer}s included), and
 * in {@code java.util.concurrent} the clock, direct {@code Unsafe} parks and spin hints. Only method
 * bodies change (nothing is added), so classes already loaded can be retransformed.
 *
 * <p>Every hook first asks whether the calling thread is under control; when it is not, the JDK's
 * own code runs unchanged.
 */
final class JdkInstrumenter {

    static final String HOOKS = "kata/support/boot/Hooks";
    private static final String THREAD = "java/lang/Thread";
    private static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";
    private static final String UNSAFE = "jdk/internal/misc/Unsafe";
    private static final String CONCURRENT = "java/util/concurrent/";

    /** Internal names of java.lang.Thread and its known subclasses, whose run() must announce the thread. */
    private static final Set<String> THREAD_CLASSES = ConcurrentHashMap.newKeySet();

    static {
        THREAD_CLASSES.add(THREAD);
    }

    private JdkInstrumenter() {
    }

    /** Records a loaded class as a Thread subclass (for those loaded before the agent). */
    static void knownThreadClass(String internalName) {
        THREAD_CLASSES.add(internalName);
    }

    /** True when the class (internal name, with its superclass) is Thread or extends it. */
    static boolean isThreadClass(String internalName, String superName) {
        if (THREAD_CLASSES.contains(internalName)) {
            return true;
        }
        if (superName != null && THREAD_CLASSES.contains(superName)) {
            THREAD_CLASSES.add(internalName);
            return true;
        }
        return false;
    }

    /** True for JDK classes whose bodies this instrumenter changes. */
    static boolean concerns(String internalName) {
        return internalName.equals(THREAD) || internalName.startsWith(CONCURRENT)
                || callsBackUnderItsLock(internalName);
    }

    /**
     * The class with hooks, or null when it needs none. {@code threadSubclass}: only the entry of
     * {@code run()} of a Thread subclass outside the JDK's own concurrency classes.
     */
    static byte[] instrument(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        String name = reader.getClassName();
        boolean thread = isThreadClass(name, reader.getSuperName());
        if (!concerns(name) && !thread) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new Adapter(writer, name, thread), ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    private static final class Adapter extends ClassVisitor {
        private final String className;
        private final boolean threadClass;

        Adapter(ClassVisitor next, String className, boolean threadClass) {
            super(Opcodes.ASM9, next);
            this.className = className;
            this.threadClass = threadClass;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (next == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                return next;
            }
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            MethodVisitor visitor = next;
            if (className.startsWith(CONCURRENT)) {
                visitor = new CallSites(visitor, !className.equals(LOCK_SUPPORT));
            }
            if (callsBackUnderItsLock(className)) {
                visitor = new UnpausableMonitors(visitor);
            }
            Entry entry = entryFor(name, descriptor, isStatic);
            if (entry != null) {
                visitor = new EntryHook(visitor, className, isStatic, descriptor, entry);
            }
            return visitor;
        }

        private Entry entryFor(String name, String descriptor, boolean isStatic) {
            if (threadClass && !isStatic && name.equals("run") && descriptor.equals("()V")) {
                return Entry.call("threadBegins", "()V", List.of());
            }
            if (className.equals(THREAD)) {
                return threadEntry(name, descriptor, isStatic);
            }
            if (className.equals(LOCK_SUPPORT)) {
                return lockSupportEntry(name, descriptor);
            }
            return null;
        }

        private static Entry threadEntry(String name, String descriptor, boolean isStatic) {
            String key = name + descriptor;
            if (isStatic) {
                return switch (key) {
                    case "sleep(JI)V" -> Entry.skipIfTrue("sleepHandled", "(JI)Z", List.of(Arg.local(0, 'J'),
                            Arg.local(2, 'I')));
                    case "sleep(J)V" -> Entry.skipIfTrue("sleepHandled", "(JI)Z", List.of(Arg.local(0, 'J'),
                            Arg.intConstant(0)));
                    default -> null;
                };
            }
            return switch (key) {
                // JDK 21+ pools start their threads through start(ThreadContainer), not start().
                case "start()V", "start(Ljdk/internal/vm/ThreadContainer;)V" -> Entry.call("threadStarting",
                        "(Ljava/lang/Thread;)V", List.of(Arg.self()));
                case "exit()V" -> Entry.call("threadExits", "()V", List.of());
                case "interrupt()V" -> Entry.call("interrupting", "(Ljava/lang/Thread;)V", List.of(Arg.self()));
                case "dispatchUncaughtException(Ljava/lang/Throwable;)V" -> Entry.skipIfTrue("unwinding",
                        "(Ljava/lang/Throwable;)Z", List.of(Arg.local(1, 'L')));
                case "join(J)V" -> Entry.skipIfTrue("joinHandled", "(Ljava/lang/Thread;J)Z",
                        List.of(Arg.self(), Arg.local(1, 'J')));
                case "isAlive()Z" -> Entry.returnUnlessNegative("isAlive", "(Ljava/lang/Thread;)I",
                        List.of(Arg.self()));
                case "getState()Ljava/lang/Thread$State;" -> Entry.returnUnlessNull("state",
                        "(Ljava/lang/Thread;)Ljava/lang/Thread$State;", List.of(Arg.self()));
                default -> null;
            };
        }

        private static Entry lockSupportEntry(String name, String descriptor) {
            String park = "(Ljava/lang/Object;IJ)Z";
            return switch (name + descriptor) {
                case "park()V" -> Entry.skipIfTrue("parkHandled", park,
                        List.of(Arg.nullConstant(), Arg.intConstant(0), Arg.longZero()));
                case "park(Ljava/lang/Object;)V" -> Entry.skipIfTrue("parkHandled", park,
                        List.of(Arg.local(0, 'L'), Arg.intConstant(0), Arg.longZero()));
                case "parkNanos(J)V" -> Entry.skipIfTrue("parkHandled", park,
                        List.of(Arg.nullConstant(), Arg.intConstant(1), Arg.local(0, 'J')));
                case "parkNanos(Ljava/lang/Object;J)V" -> Entry.skipIfTrue("parkHandled", park,
                        List.of(Arg.local(0, 'L'), Arg.intConstant(1), Arg.local(1, 'J')));
                case "parkUntil(J)V" -> Entry.skipIfTrue("parkHandled", park,
                        List.of(Arg.nullConstant(), Arg.intConstant(2), Arg.local(0, 'J')));
                case "parkUntil(Ljava/lang/Object;J)V" -> Entry.skipIfTrue("parkHandled", park,
                        List.of(Arg.local(0, 'L'), Arg.intConstant(2), Arg.local(1, 'J')));
                case "unpark(Ljava/lang/Thread;)V" -> Entry.skipIfTrue("unparkHandled", "(Ljava/lang/Thread;)Z",
                        List.of(Arg.local(0, 'L')));
                default -> null;
            };
        }
    }

    /**
     * JDK classes that run the caller's code while they hold a monitor of their own
     * ({@code ConcurrentHashMap.computeIfAbsent}, the synchronized collections' forEach): a thread
     * paused there would block others in the JVM, on a lock the model cannot see.
     */
    private static boolean callsBackUnderItsLock(String className) {
        return className.startsWith("java/util/concurrent/ConcurrentHashMap")
                || className.startsWith("java/util/Collections$Synchronized");
    }

    /** Marks the thread unpausable from before each monitorenter to after its monitorexit. */
    private static final class UnpausableMonitors extends MethodVisitor {
        UnpausableMonitors(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "initializerStarts", "()V", false);
            }
            super.visitInsn(opcode);
            if (opcode == Opcodes.MONITOREXIT) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "initializerEnds", "()V", false);
            }
        }
    }

    /** One argument pushed for an entry hook. */
    private record Arg(int kind, int index, char type) {
        static Arg self() {
            return new Arg(0, 0, 'L');
        }

        static Arg local(int index, char type) {
            return new Arg(0, index, type);
        }

        static Arg intConstant(int value) {
            return new Arg(1, value, 'I');
        }

        static Arg longZero() {
            return new Arg(2, 0, 'J');
        }

        static Arg nullConstant() {
            return new Arg(3, 0, 'L');
        }

        void push(MethodVisitor mv) {
            switch (kind) {
                case 0 -> mv.visitVarInsn(switch (type) {
                    case 'J' -> Opcodes.LLOAD;
                    case 'I' -> Opcodes.ILOAD;
                    default -> Opcodes.ALOAD;
                }, index);
                case 1 -> mv.visitLdcInsn(index);
                case 2 -> mv.visitInsn(Opcodes.LCONST_0);
                default -> mv.visitInsn(Opcodes.ACONST_NULL);
            }
        }
    }

    /** What an entry hook does with the hook's answer. */
    private record Entry(String hook, String descriptor, List<Arg> args, int mode) {
        static final int CALL = 0;
        static final int SKIP_IF_TRUE = 1;
        static final int RETURN_UNLESS_NEGATIVE = 2;
        static final int RETURN_UNLESS_NULL = 3;

        static Entry call(String hook, String descriptor, List<Arg> args) {
            return new Entry(hook, descriptor, args, CALL);
        }

        static Entry skipIfTrue(String hook, String descriptor, List<Arg> args) {
            return new Entry(hook, descriptor, args, SKIP_IF_TRUE);
        }

        static Entry returnUnlessNegative(String hook, String descriptor, List<Arg> args) {
            return new Entry(hook, descriptor, args, RETURN_UNLESS_NEGATIVE);
        }

        static Entry returnUnlessNull(String hook, String descriptor, List<Arg> args) {
            return new Entry(hook, descriptor, args, RETURN_UNLESS_NULL);
        }
    }

    /**
     * Inserts a call at the start of a method and, depending on the hook's answer, returns at once.
     * Where the hook's branch meets the original code, the frame is the method's entry frame (or the
     * original code's own frame at its first instruction, when it has one).
     */
    private static final class EntryHook extends MethodVisitor {
        private final String owner;
        private final boolean isStatic;
        private final String descriptor;
        private final Entry entry;
        private boolean framePending;

        EntryHook(MethodVisitor next, String owner, boolean isStatic, String descriptor, Entry entry) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
            this.isStatic = isStatic;
            this.descriptor = descriptor;
            this.entry = entry;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            entry.args().forEach(arg -> arg.push(mv));
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, entry.hook(), entry.descriptor(), false);
            Object[] locals = entryLocals();
            switch (entry.mode()) {
                case Entry.SKIP_IF_TRUE -> {
                    Label original = new Label();
                    mv.visitJumpInsn(Opcodes.IFEQ, original);
                    mv.visitInsn(Opcodes.RETURN);
                    mv.visitLabel(original);
                    framePending = true;
                }
                case Entry.RETURN_UNLESS_NEGATIVE -> {
                    Label original = new Label();
                    mv.visitInsn(Opcodes.DUP);
                    mv.visitJumpInsn(Opcodes.IFLT, original);
                    mv.visitInsn(Opcodes.IRETURN);
                    mv.visitLabel(original);
                    mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {Opcodes.INTEGER});
                    mv.visitInsn(Opcodes.POP);
                }
                case Entry.RETURN_UNLESS_NULL -> {
                    Label original = new Label();
                    String returned = Type.getReturnType(descriptor).getInternalName();
                    mv.visitInsn(Opcodes.DUP);
                    mv.visitJumpInsn(Opcodes.IFNULL, original);
                    mv.visitInsn(Opcodes.ARETURN);
                    mv.visitLabel(original);
                    mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {returned});
                    mv.visitInsn(Opcodes.POP);
                }
                default -> {
                }
            }
        }

        private Object[] entryLocals() {
            List<Object> locals = new ArrayList<>();
            if (!isStatic) {
                locals.add(owner);
            }
            for (Type argument : Type.getArgumentTypes(descriptor)) {
                locals.add(switch (argument.getSort()) {
                    case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
                    case Type.LONG -> Opcodes.LONG;
                    case Type.FLOAT -> Opcodes.FLOAT;
                    case Type.DOUBLE -> Opcodes.DOUBLE;
                    default -> argument.getInternalName();
                });
            }
            return locals.toArray();
        }

        private void flushFrame() {
            if (framePending) {
                framePending = false;
                Object[] locals = entryLocals();
                mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
            }
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            // The original code's frame at its first instruction stands where ours would.
            framePending = false;
            super.visitFrame(type, numLocal, local, numStack, stack);
        }

        @Override
        public void visitInsn(int opcode) {
            flushFrame();
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            flushFrame();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            flushFrame();
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            flushFrame();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            flushFrame();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            flushFrame();
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bootstrap,
                                           Object... arguments) {
            flushFrame();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            flushFrame();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            flushFrame();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            flushFrame();
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            flushFrame();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            flushFrame();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            flushFrame();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }
    }

    /**
     * In java.util.concurrent: the clock becomes the scheduler's (virtual while it controls the
     * thread), a direct Unsafe park goes through LockSupport, and a spin hint lets others run.
     */
    private static final class CallSites extends MethodVisitor {
        private final boolean redirectUnsafe;

        CallSites(MethodVisitor next, boolean redirectUnsafe) {
            super(Opcodes.ASM9, next);
            this.redirectUnsafe = redirectUnsafe;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String target = owner + "." + name + descriptor;
            switch (target) {
                case "java/lang/System.nanoTime()J", "java/lang/System.currentTimeMillis()J" -> {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, descriptor, false);
                    return;
                }
                case "java/lang/Thread.yield()V", "java/lang/Thread.onSpinWait()V" -> {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "jdkYield", "()V", false);
                    return;
                }
                case "java/lang/Object.wait(JI)V" -> {
                    // TimeUnit.timedWait waits on the caller's monitor: the model's wait, as in student code.
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "jdkWait", "(Ljava/lang/Object;JI)V", false);
                    return;
                }
                case "java/lang/Thread.sleep(J)V" -> {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "sleep", "(J)V", false);
                    return;
                }
                default -> {
                }
            }
            if (redirectUnsafe && owner.equals(UNSAFE) && opcode == Opcodes.INVOKEVIRTUAL) {
                if (name.equals("park") && descriptor.equals("(ZJ)V")) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "unsafePark", "(Ljava/lang/Object;ZJ)V", false);
                    return;
                }
                if (name.equals("unpark") && descriptor.equals("(Ljava/lang/Object;)V")) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "unsafeUnpark",
                            "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
                    return;
                }
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }
}
