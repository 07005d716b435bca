package kata.support.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What student classes declare (fields with their modifiers, methods), read from class files
 * without loading any class, following superclasses. It answers two questions: does a field need
 * no lock to be read safely (it is volatile or final), and does a call on a student class run a
 * method the class inherits from the JDK (a synchronizer built on {@code AbstractQueuedSynchronizer}
 * calling {@code getState()}), which then gets the JDK's scheduling points. A class that cannot be
 * read answers "safe" and "student code": no race and no point is ever invented for it.
 */
final class Declarations {

    private static final int MAX_DEPTH = 16;

    private final ClassLoader loader;
    private final Map<String, Declared> classes = new HashMap<>();

    private record Declared(String superName, Map<String, Integer> fields, Set<String> methods) {
    }

    /** {@code own} is the class file being instrumented: it may not be readable through the loader yet. */
    Declarations(ClassLoader loader, byte[] own) {
        this.loader = loader;
        Declared declared = parse(new ClassReader(own));
        String name = new ClassReader(own).getClassName();
        classes.put(name, declared);
    }

    /** True when reads and writes of {@code owner.name} need no synchronization. */
    boolean synchronizationFree(String owner, String name) {
        String type = owner;
        for (int depth = 0; type != null && depth < MAX_DEPTH; depth++) {
            Declared declared = declared(type);
            if (declared == null) {
                return true;
            }
            Integer access = declared.fields().get(name);
            if (access != null) {
                return (access & (Opcodes.ACC_VOLATILE | Opcodes.ACC_FINAL)) != 0;
            }
            type = declared.superName();
        }
        return true;
    }

    /**
     * The JDK class whose method a call of {@code owner.name descriptor} runs, when {@code owner} is a
     * student class that inherits it; null when student code declares it or it cannot be told.
     */
    String jdkDeclarer(String owner, String name, String descriptor) {
        if (isJdk(owner) || name.startsWith("<")) {
            return null;
        }
        String type = owner;
        for (int depth = 0; type != null && depth < MAX_DEPTH; depth++) {
            if (isJdk(type)) {
                return type;
            }
            Declared declared = declared(type);
            if (declared == null || declared.methods().contains(name + descriptor)) {
                return null;
            }
            type = declared.superName();
        }
        return null;
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java/") || type.startsWith("javax/") || type.startsWith("jdk/");
    }

    private Declared declared(String type) {
        if (isJdk(type)) {
            return null;
        }
        return classes.computeIfAbsent(type, this::read);
    }

    private Declared read(String type) {
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(type + ".class")) {
            return in == null ? null : parse(new ClassReader(in));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Declared parse(ClassReader reader) {
        Map<String, Integer> fields = new HashMap<>();
        Set<String> methods = new HashSet<>();
        String[] superName = new String[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superType,
                              String[] interfaces) {
                superName[0] = superType;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                fields.put(name, access);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                methods.add(name + descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Declared(superName[0], fields, methods);
    }
}
