package kata.support.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kata.support.agent.internal.Site;
import kata.support.agent.internal.Sites;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Inserts calls to {@code kata.support.boot.Hooks} around every operation through which threads
 * can affect each other: field and array accesses, monitor enter and exit, and calls into
 * {@code java.util} (collections and {@code java.util.concurrent}), {@code Object.wait/notify} and
 * {@code Thread}. {@code wait}, {@code notify}, {@code notifyAll}, {@code Thread.sleep} and the clock
 * ({@code System.nanoTime}, {@code currentTimeMillis}, {@code Instant.now}) become calls of the
 * scheduler, which models them while it controls the thread. It also records where the code creates
 * the locks, semaphores, latches and conditions of {@code java.util.concurrent}, for messages. The
 * inserted code pushes constants (and duplicates a reference) and calls static methods, so it leaves
 * the operand stack and the stack map frames as they were.
 *
 * <p>A {@code synchronized} method becomes a private, unsynchronized body plus a wrapper that
 * takes the monitor explicitly, so that entering it is a scheduling point like any
 * {@code synchronized} block.
 */
final class Instrumenter {

    private static final String HOOKS = JdkInstrumenter.HOOKS;
    private static final String BODY_SUFFIX = "$unsynchronized";
    private static final Set<String> THREAD_METHODS =
            Set.of("start", "join", "sleep", "yield", "onSpinWait", "interrupt", "isInterrupted", "interrupted",
                    "setName");
    private static final Set<String> MONITOR_METHODS = Set.of("wait", "notify", "notifyAll");
    private static final Set<String> WAIT_DESCRIPTORS = Set.of("()V", "(J)V", "(JI)V");
    /** Calls the scheduler takes over while it controls the thread, by owner.name+descriptor. */
    private static final java.util.Map<String, String> REPLACED = java.util.Map.of(
            "java/lang/Thread.sleep(J)V", "sleep",
            "java/lang/Thread.sleep(JI)V", "sleep",
            "java/lang/System.nanoTime()J", "nanoTime",
            "java/lang/System.currentTimeMillis()J", "currentTimeMillis",
            "java/time/Instant.now()Ljava/time/Instant;", "instantNow");
    private static final Set<String> QUIET_UTIL_PREFIXES = Set.of(
            "java/util/Objects", "java/util/Optional", "java/util/function/", "java/util/stream/",
            "java/util/regex/", "java/util/Locale", "java/util/Formatter", "java/util/Comparator");

    private Instrumenter() {
    }

    static byte[] instrument(byte[] bytes) {
        return instrument(bytes, null);
    }

    /** {@code loader} reads the class files of other student classes, for their fields' modifiers. */
    static byte[] instrument(byte[] bytes, ClassLoader loader) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassAdapter(writer, new Declarations(loader, bytes)), 0);
        return writer.toByteArray();
    }

    /** A synchronized method whose wrapper is generated at the end of the class. */
    private static final class Synchronized {
        final int access;
        final String name;
        final String descriptor;
        final String signature;
        final String[] exceptions;
        int firstLine;

        Synchronized(int access, String name, String descriptor, String signature, String[] exceptions) {
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
            this.signature = signature;
            this.exceptions = exceptions;
        }
    }

    /** Marks the start and the normal end of a static initializer. */
    private static final class InitializerMarker extends MethodVisitor {
        InitializerMarker(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "initializerStarts", "()V", false);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "initializerEnds", "()V", false);
            }
            super.visitInsn(opcode);
        }
    }

    private static final class ClassAdapter extends ClassVisitor {
        private final Set<String> finalFields = new HashSet<>();
        private final Declarations declarations;
        private final List<Synchronized> wrappers = new ArrayList<>();
        private String className;
        private String simpleName;
        private String sourceFile;
        private boolean frames;

        ClassAdapter(ClassVisitor next, Declarations declarations) {
            super(Opcodes.ASM9, next);
            this.declarations = declarations;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name;
            simpleName = simpleName(name);
            sourceFile = simpleName + ".java";
            frames = (version & 0xFFFF) >= Opcodes.V1_6;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public void visitSource(String source, String debug) {
            if (source != null) {
                sourceFile = source;
            }
            super.visitSource(source, debug);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & Opcodes.ACC_FINAL) != 0) {
                finalFields.add(name);
            }
            return super.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            boolean body = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
            if (body && (access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                Synchronized method = new Synchronized(access, name, descriptor, signature, exceptions);
                wrappers.add(method);
                int bodyAccess = (access & ~(Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED))
                        | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC;
                MethodVisitor next = super.visitMethod(bodyAccess, name + BODY_SUFFIX, descriptor, signature,
                        exceptions);
                return new PointInserter(next, method, false);
            }
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (next == null) {
                return null;
            }
            if (name.equals("<clinit>")) {
                // Static initialisers run under the JVM's class-init lock: a thread paused inside one
                // (or inside a method it calls) would block every other thread that touches the
                // class, which no real schedule does. They get no points and mark the thread unpausable.
                return new InitializerMarker(next);
            }
            return new PointInserter(next, null, name.equals("<init>"));
        }

        @Override
        public void visitEnd() {
            for (Synchronized method : wrappers) {
                wrap(method);
            }
            super.visitEnd();
        }

        /** {@code synchronized (lock) { return body(args); }}, with the monitor hooks. */
        private void wrap(Synchronized method) {
            boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
            MethodVisitor mv = super.visitMethod(method.access & ~Opcodes.ACC_SYNCHRONIZED, method.name,
                    method.descriptor, method.signature, method.exceptions);
            Type[] arguments = Type.getArgumentTypes(method.descriptor);
            Label begin = new Label();
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            mv.visitCode();
            mv.visitTryCatchBlock(start, end, handler, null);
            mv.visitLabel(begin);
            if (method.firstLine > 0) {
                mv.visitLineNumber(method.firstLine, begin);
            }
            pushLock(mv, isStatic);
            mv.visitInsn(Opcodes.DUP);
            hook(mv, "monitorEnter", Site.Kind.LOCK, method.firstLine);
            mv.visitInsn(Opcodes.MONITORENTER);
            pushLock(mv, isStatic);
            hook(mv, "monitorEntered", Site.Kind.LOCKED, method.firstLine);
            mv.visitLabel(start);
            int slot = 0;
            if (!isStatic) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                slot = 1;
            }
            for (Type argument : arguments) {
                mv.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
                slot += argument.getSize();
            }
            mv.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, className,
                    method.name + BODY_SUFFIX, method.descriptor, false);
            mv.visitLabel(end);
            release(mv, isStatic, method.firstLine);
            mv.visitInsn(Type.getReturnType(method.descriptor).getOpcode(Opcodes.IRETURN));
            mv.visitLabel(handler);
            if (frames) {
                Object[] locals = frameLocals(isStatic, arguments);
                mv.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            release(mv, isStatic, method.firstLine);
            mv.visitInsn(Opcodes.ATHROW);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        private void release(MethodVisitor mv, boolean isStatic, int line) {
            pushLock(mv, isStatic);
            mv.visitInsn(Opcodes.MONITOREXIT);
            pushLock(mv, isStatic);
            hook(mv, "monitorExited", Site.Kind.UNLOCKED, line);
        }

        private void pushLock(MethodVisitor mv, boolean isStatic) {
            if (isStatic) {
                mv.visitLdcInsn(Type.getObjectType(className));
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
            }
        }

        /** Pushes a new site and calls a monitor hook taking (Object, int). */
        private void hook(MethodVisitor mv, String name, Site.Kind kind, int line) {
            push(mv, Sites.register(new Site(kind, "", "", sourceFile, line)));
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, "(Ljava/lang/Object;I)V", false);
        }

        private Object[] frameLocals(boolean isStatic, Type[] arguments) {
            List<Object> locals = new ArrayList<>();
            if (!isStatic) {
                locals.add(className);
            }
            for (Type argument : arguments) {
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

        private final class PointInserter extends MethodVisitor {
            private final Synchronized wrapped;
            /** In a constructor the object may not be initialized yet: field points do not pass it. */
            private final boolean constructor;
            /** Types of NEW instructions whose constructor has not been called yet, innermost last. */
            private final List<String> pendingNew = new ArrayList<>();
            private int line;

            PointInserter(MethodVisitor next, Synchronized wrapped, boolean constructor) {
                super(Opcodes.ASM9, next);
                this.wrapped = wrapped;
                this.constructor = constructor;
            }

            @Override
            public void visitLineNumber(int lineNumber, Label start) {
                super.visitLineNumber(lineNumber, start);
                if (wrapped != null && wrapped.firstLine == 0) {
                    wrapped.firstLine = lineNumber;
                }
                line = lineNumber;
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
                boolean ownFinal = owner.equals(className) && finalFields.contains(name);
                if (!(read && ownFinal) && !name.equals("$assertionsDisabled")) {
                    boolean racy = !declarations.synchronizationFree(owner, name);
                    int site = Sites.register(new Site(read ? Site.Kind.READ : Site.Kind.WRITE, simpleName(owner), name,
                            sourceFile, line, racy));
                    boolean instance = opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD;
                    if (!instance || constructor) {
                        push(this.mv, site);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "point", "(I)V", false);
                    } else {
                        // The object whose field it is, for the race detector: copied from under the value.
                        if (read) {
                            super.visitInsn(Opcodes.DUP);
                        } else if (Type.getType(descriptor).getSize() == 1) {
                            super.visitInsn(Opcodes.DUP2);
                            super.visitInsn(Opcodes.POP);
                        } else {
                            super.visitInsn(Opcodes.DUP2_X1);
                            super.visitInsn(Opcodes.POP2);
                            super.visitInsn(Opcodes.DUP_X2);
                        }
                        push(this.mv, site);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "field", "(Ljava/lang/Object;I)V", false);
                    }
                }
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }

            @Override
            public void visitInsn(int opcode) {
                if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
                    point(Site.Kind.ARRAY_READ, "", "");
                } else if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
                    point(Site.Kind.ARRAY_WRITE, "", "");
                } else if (opcode == Opcodes.MONITORENTER) {
                    super.visitInsn(Opcodes.DUP);
                    monitorHook("monitorEnter", Site.Kind.LOCK);
                    super.visitInsn(Opcodes.DUP);
                    super.visitInsn(opcode);
                    monitorHook("monitorEntered", Site.Kind.LOCKED);
                    return;
                } else if (opcode == Opcodes.MONITOREXIT) {
                    super.visitInsn(Opcodes.DUP);
                    super.visitInsn(opcode);
                    monitorHook("monitorExited", Site.Kind.UNLOCKED);
                    return;
                }
                super.visitInsn(opcode);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                if (opcode == Opcodes.NEW) {
                    pendingNew.add(type);
                }
                super.visitTypeInsn(opcode, type);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                        boolean isInterface) {
                if (opcode == Opcodes.INVOKEVIRTUAL && name.equals("wait") && WAIT_DESCRIPTORS.contains(descriptor)) {
                    // Object.wait is final: whatever the owner, it is the monitor's wait.
                    pushSite(Site.Kind.CALL, "Object", "wait");
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "waitOn",
                            "(Ljava/lang/Object;" + descriptor.substring(1, descriptor.indexOf(')')) + "I)V", false);
                    return;
                }
                if (opcode == Opcodes.INVOKEVIRTUAL && (name.equals("notify") || name.equals("notifyAll"))
                        && descriptor.equals("()V")) {
                    pushSite(Site.Kind.CALL, "Object", name);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name.equals("notify") ? "notifyOne"
                            : "notifyEvery", "(Ljava/lang/Object;I)V", false);
                    return;
                }
                // A method a student class inherits from the JDK (AbstractQueuedSynchronizer.getState,
                // a Thread subclass's sleep) is JDK code: it gets the treatment of its declaring class.
                String inherited = declarations.jdkDeclarer(owner, name, descriptor);
                String callee = inherited == null ? owner : inherited;
                String replacement = REPLACED.get(callee + "." + name + descriptor);
                if (replacement != null) {
                    if (callee.equals("java/lang/Thread")) {
                        // sleep: a point first, then the scheduler sleeps (in virtual time).
                        hookCall("blockingCall", Site.Kind.CALL, "Thread", name);
                    }
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, replacement, descriptor, false);
                    return;
                }
                if (callee.equals("java/lang/Thread") && (name.equals("onSpinWait") || name.equals("yield"))) {
                    // The thread says it is waiting for another one: let the others run.
                    hookCall("yieldHint", Site.Kind.CALL, "Thread", name);
                    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                    return;
                }
                boolean before = pointBefore(callee, name);
                boolean after = before && pointAfter(callee, name);
                if (before && !after && callee.startsWith("java/util/") && opcode != Opcodes.INVOKESTATIC
                        && opcode != Opcodes.INVOKESPECIAL && copyReceiver(descriptor)) {
                    // The receiver, for the race detector: a HashMap changed by two threads.
                    pushSite(Site.Kind.CALL, simpleName(callee), name);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "callOn", "(Ljava/lang/Object;I)V", false);
                } else if (before) {
                    hookCall(after ? "blockingCall" : "point", Site.Kind.CALL, simpleName(callee), name);
                }
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                if (after) {
                    hookCall("releasePoint", Site.Kind.RETURNED, simpleName(callee), name);
                }
                recordCreation(opcode, owner, name, descriptor);
            }

            /** After a java.util.concurrent object was constructed, or a Condition made: where. */
            private void recordCreation(int opcode, String owner, String name, String descriptor) {
                boolean constructed = opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")
                        && !pendingNew.isEmpty() && pendingNew.get(pendingNew.size() - 1).equals(owner);
                if (constructed) {
                    pendingNew.remove(pendingNew.size() - 1);
                }
                boolean tracked = constructed && owner.startsWith("java/util/concurrent/");
                boolean condition = name.equals("newCondition") && descriptor.endsWith(")Ljava/util/concurrent/locks/Condition;");
                if (tracked || condition) {
                    super.visitInsn(Opcodes.DUP);
                    pushSite(Site.Kind.CALL, simpleName(owner), condition ? name : "new");
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "created", "(Ljava/lang/Object;I)V", false);
                }
            }

            /**
             * Pushes a copy of a call's receiver from under its arguments, when they are none, one,
             * or two of one slot each (a get, a put): true when it did.
             */
            private boolean copyReceiver(String descriptor) {
                Type[] arguments = Type.getArgumentTypes(descriptor);
                if (arguments.length == 0) {
                    super.visitInsn(Opcodes.DUP);
                } else if (arguments.length == 1 && arguments[0].getSize() == 1) {
                    super.visitInsn(Opcodes.DUP2);
                    super.visitInsn(Opcodes.POP);
                } else if (arguments.length == 1 || (arguments.length == 2 && arguments[0].getSize() == 1
                        && arguments[1].getSize() == 1)) {
                    // receiver, a, b (or receiver, a long): a, b over the receiver, then the receiver over all.
                    super.visitInsn(Opcodes.DUP2_X1);
                    super.visitInsn(Opcodes.POP2);
                    super.visitInsn(Opcodes.DUP_X2);
                } else {
                    return false;
                }
                return true;
            }

            private boolean pointBefore(String owner, String name) {
                // No point before calls into student code: the callee's own accesses have points,
                // and entering a synchronized method is one.
                if (owner.equals("java/lang/invoke/VarHandle")) {
                    return true;
                }
                if (owner.equals("java/lang/Object")) {
                    return MONITOR_METHODS.contains(name);
                }
                if (owner.equals("java/lang/Thread")) {
                    return THREAD_METHODS.contains(name);
                }
                return owner.startsWith("java/util/")
                        && QUIET_UTIL_PREFIXES.stream().noneMatch(owner::startsWith);
            }

            private boolean pointAfter(String owner, String name) {
                // Calls that may block, or wake others: re-join the schedule as soon as they return.
                return owner.startsWith("java/util/concurrent/")
                        || (owner.equals("java/lang/Thread") && (name.equals("join") || name.equals("sleep")));
            }

            private void point(Site.Kind kind, String owner, String member) {
                hookCall("point", kind, owner, member);
            }

            private void hookCall(String hook, Site.Kind kind, String owner, String member) {
                pushSite(kind, owner, member);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, "(I)V", false);
            }

            private void monitorHook(String hook, Site.Kind kind) {
                pushSite(kind, "", "");
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, "(Ljava/lang/Object;I)V", false);
            }

            private void pushSite(Site.Kind kind, String owner, String member) {
                push(this.mv, Sites.register(new Site(kind, owner, member, sourceFile, line)));
            }
        }
    }

    private static void push(MethodVisitor mv, int value) {
        if (value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    private static String simpleName(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
