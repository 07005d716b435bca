package kata.support.agent;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Inserts a call to {@code kata.support.interleave.Hooks} before every operation through which
 * threads can affect each other: field and array accesses, monitor enter and exit, and calls into
 * {@code java.util} (collections and {@code java.util.concurrent}), {@code Object.wait/notify} and
 * {@code Thread}. The inserted code only pushes a constant and calls
 * a static method, so it leaves the operand stack and the stack map frames as they were.
 */
final class Instrumenter {

    private static final String HOOKS = "kata/support/interleave/Hooks";
    private static final Set<String> THREAD_METHODS =
            Set.of("start", "join", "sleep", "yield", "onSpinWait", "interrupt");
    private static final Set<String> MONITOR_METHODS = Set.of("wait", "notify", "notifyAll");
    private static final Set<String> QUIET_UTIL_PREFIXES = Set.of(
            "java/util/Objects", "java/util/Optional", "java/util/function/", "java/util/stream/",
            "java/util/regex/", "java/util/Locale", "java/util/Formatter", "java/util/Comparator");

    private Instrumenter() {
    }

    static byte[] instrument(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassAdapter(writer), 0);
        return writer.toByteArray();
    }

    private static final class ClassAdapter extends ClassVisitor {
        private String className;
        private String simpleName;
        private String sourceFile;
        /** Final fields of this class: reading them cannot race once the object is built. */
        private final Set<String> finalFields = new HashSet<>();

        ClassAdapter(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name;
            simpleName = simpleName(name);
            sourceFile = simpleName + ".java";
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
        public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor,
                                                        String signature, Object value) {
            if ((access & Opcodes.ACC_FINAL) != 0) {
                finalFields.add(name);
            }
            return super.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            // Static initialisers run under the JVM's class-init lock: pausing one there would
            // block every other thread that touches the class, which no real schedule does.
            if (next == null || name.equals("<clinit>")) {
                return next;
            }
            boolean synchronizedMethod = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
            return new PointInserter(next, name, synchronizedMethod);
        }

        private final class PointInserter extends MethodVisitor {
            private final String methodName;
            private final boolean synchronizedMethod;
            private int line;

            PointInserter(MethodVisitor next, String methodName, boolean synchronizedMethod) {
                super(Opcodes.ASM9, next);
                this.methodName = methodName;
                this.synchronizedMethod = synchronizedMethod;
            }

            @Override
            public void visitLineNumber(int lineNumber, Label start) {
                super.visitLineNumber(lineNumber, start);
                boolean first = line == 0;
                line = lineNumber;
                if (first && synchronizedMethod) {
                    point(Site.Kind.ENTER_SYNCHRONIZED, simpleName, methodName);
                }
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
                boolean ownFinal = owner.equals(className) && finalFields.contains(name);
                if (!(read && ownFinal) && !name.equals("$assertionsDisabled")) {
                    point(read ? Site.Kind.READ : Site.Kind.WRITE, simpleName(owner), name);
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
                    pushSite(Site.Kind.LOCK, "", "");
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "lockPoint",
                            "(Ljava/lang/Object;I)V", false);
                    super.visitInsn(opcode);
                    point(Site.Kind.LOCKED, "", "");
                    return;
                }
                super.visitInsn(opcode);
                if (opcode == Opcodes.MONITOREXIT) {
                    releasePoint(Site.Kind.UNLOCKED, "", "");
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                        boolean isInterface) {
                if (owner.equals("java/lang/Thread") && (name.equals("onSpinWait") || name.equals("yield"))) {
                    // The thread says it is waiting for another one: let the others run.
                    pushSite(Site.Kind.CALL, "Thread", name);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "yieldHint", "(I)V", false);
                    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                    return;
                }
                boolean before = pointBefore(owner, name);
                if (before) {
                    point(Site.Kind.CALL, simpleName(owner), name);
                }
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                if (before && pointAfter(owner, name)) {
                    releasePoint(Site.Kind.RETURNED, simpleName(owner), name);
                }
            }

            private boolean pointBefore(String owner, String name) {
                // No point before calls into student code: the callee's own accesses have points, and
                // a synchronized method has one right after it takes its monitor.
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
                // Calls that may block: re-join the schedule as soon as they return.
                return owner.startsWith("java/util/concurrent/")
                        || (owner.equals("java/lang/Object") && name.equals("wait"))
                        || (owner.equals("java/lang/Thread") && (name.equals("join") || name.equals("sleep")));
            }

            private void point(Site.Kind kind, String owner, String member) {
                pushSite(kind, owner, member);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "point", "(I)V", false);
            }

            /** After an operation that may have woken another thread (unlock, signal, release...). */
            private void releasePoint(Site.Kind kind, String owner, String member) {
                pushSite(kind, owner, member);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "releasePoint", "(I)V", false);
            }

            private void pushSite(Site.Kind kind, String owner, String member) {
                int id = Sites.register(new Site(kind, owner, member, sourceFile, line));
                if (id <= Short.MAX_VALUE) {
                    super.visitIntInsn(Opcodes.SIPUSH, id);
                } else {
                    super.visitLdcInsn(id);
                }
            }
        }
    }

    private static String simpleName(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
