package kata.grader.sandbox;

import static kata.grader.sandbox.Allowance.CLASS_LOADING;
import static kata.grader.sandbox.Allowance.EXIT;
import static kata.grader.sandbox.Allowance.FILES;
import static kata.grader.sandbox.Allowance.JVM_TOOLS;
import static kata.grader.sandbox.Allowance.NATIVE;
import static kata.grader.sandbox.Allowance.PROCESSES;
import static kata.grader.sandbox.Allowance.REFLECTION;
import static kata.grader.sandbox.Allowance.SHUTDOWN_HOOKS;
import static kata.grader.sandbox.Allowance.SOCKETS;
import static kata.grader.sandbox.Allowance.STANDARD_STREAMS;
import static kata.grader.sandbox.Allowance.THREAD_CONTROL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JDK classes and members student code may use: an allow-list. What is not granted here is
 * refused, so a JDK API nobody thought of (a GUI toolkit that loads a {@code file:} URL, a
 * scripting engine) is refused too. Students compile against JDK 17's API ({@code --release 17}),
 * so the lists are complete for it. Grants without an allowance hold for every kata; the others
 * hold where the kata's spec allows them ({@code "allow": ["sockets"]}). A kata's spec may also
 * grant a JDK package, class or member by name ({@link Grant#parse}).
 */
public final class JdkAllowList {

    /**
     * Use of a package, a class, or some members of a class.
     *
     * @param name      a package ({@code java.util.concurrent}), a class ({@code java.lang.Thread},
     *                  with its nested classes), or empty members meaning all of them
     * @param isPackage whether name is a package (its classes, not its subpackages)
     * @param members   the members granted, or empty for all; constructors are {@code <init>}
     * @param allowance the spec allowance the grant needs, or null when every kata has it
     */
    public record Grant(String name, boolean isPackage, Set<String> members, Allowance allowance) {

        public Grant {
            members = Set.copyOf(members);
        }

        boolean covers(String className, String packageName) {
            return isPackage ? packageName.equals(name)
                    : className.equals(name) || className.startsWith(name + "$");
        }

        /** How specific: a class grant beats its package's, a nested class's beats its outer class's. */
        int specificity() {
            return isPackage ? 0 : name.length();
        }

        /**
         * A grant from a spec's {@code allow} list: {@code java.util.logging} (a package),
         * {@code java.util.logging.Logger} (a class) or {@code java.util.logging.Logger#getLogger}.
         */
        static Optional<Grant> parse(String text) {
            if (!text.matches("[a-z][a-z0-9_]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)+(#[A-Za-z_$<][A-Za-z0-9_$>]*)?")) {
                return Optional.empty();
            }
            int hash = text.indexOf('#');
            String name = hash < 0 ? text : text.substring(0, hash);
            Set<String> members = hash < 0 ? Set.of() : Set.of(text.substring(hash + 1));
            String last = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Grant(name, Character.isLowerCase(last.charAt(0)), members, null));
        }

        /** {@code java.util.concurrent.*}, {@code java.lang.Thread (join, start)}, {@code java.util.TreeMap}. */
        public String what() {
            return isPackage ? name + ".*" : members.isEmpty() ? name
                    : name + " (" + members.stream().sorted().collect(Collectors.joining(", ")) + ")";
        }

        @Override
        public String toString() {
            return allowance == null ? what() : what() + "  [allow: " + allowance.specName() + "]";
        }
    }

    /** Members every class has; granted on every granted class (getClass() only leads to Class's grant). */
    static final Set<String> OBJECT_MEMBERS = Set.of("equals", "hashCode", "toString", "getClass", "wait", "notify",
            "notifyAll");

    private static final List<Grant> GRANTS = Stream.of(
            // java.lang: the language's own classes, its exceptions and errors; not class loaders,
            // modules, processes, stack walking or thread groups.
            types(null, "java.lang", "Appendable AutoCloseable Boolean Byte CharSequence Character Cloneable"
                    + " Comparable Deprecated Double Enum FunctionalInterface Float InheritableThreadLocal Integer"
                    + " Iterable Long Math Number Object Override Readable Record Runnable SafeVarargs Short"
                    + " StackTraceElement StrictMath String StringBuffer StringBuilder SuppressWarnings ThreadLocal"
                    + " Throwable Void ClassValue"
                    + " AbstractMethodError ArithmeticException ArrayIndexOutOfBoundsException ArrayStoreException"
                    + " AssertionError BootstrapMethodError ClassCastException ClassCircularityError"
                    + " ClassFormatError ClassNotFoundException CloneNotSupportedException"
                    + " EnumConstantNotPresentException Error Exception ExceptionInInitializerError"
                    + " IllegalAccessError IllegalAccessException IllegalArgumentException IllegalCallerException"
                    + " IllegalMonitorStateException IllegalStateException IllegalThreadStateException"
                    + " IncompatibleClassChangeError IndexOutOfBoundsException InstantiationError"
                    + " InstantiationException InternalError InterruptedException LayerInstantiationException"
                    + " LinkageError NegativeArraySizeException NoClassDefFoundError NoSuchFieldError"
                    + " NoSuchFieldException NoSuchMethodError NoSuchMethodException NullPointerException"
                    + " NumberFormatException OutOfMemoryError ReflectiveOperationException RuntimeException"
                    + " SecurityException StackOverflowError StringIndexOutOfBoundsException ThreadDeath"
                    + " TypeNotPresentException UnknownError UnsatisfiedLinkError UnsupportedClassVersionError"
                    + " UnsupportedOperationException VerifyError VirtualMachineError"),
            members(null, "java.lang.Thread", "<init> start run join interrupt isInterrupted interrupted isAlive"
                    + " getName setName getId threadId currentThread sleep yield onSpinWait setDaemon isDaemon"
                    + " getState setPriority getPriority holdsLock setUncaughtExceptionHandler"
                    + " getUncaughtExceptionHandler activeCount isVirtual ofPlatform ofVirtual startVirtualThread"
                    + " MIN_PRIORITY NORM_PRIORITY MAX_PRIORITY"),
            members(THREAD_CONTROL, "java.lang.Thread", "stop suspend resume countStackFrames"
                    + " setDefaultUncaughtExceptionHandler getDefaultUncaughtExceptionHandler getThreadGroup enumerate"
                    + " checkAccess getAllStackTraces getStackTrace dumpStack"),
            members(CLASS_LOADING, "java.lang.Thread", "getContextClassLoader setContextClassLoader"),
            type(THREAD_CONTROL, "java.lang.ThreadGroup"),
            members(null, "java.lang.System", "out err in currentTimeMillis nanoTime arraycopy identityHashCode"
                    + " lineSeparator gc"),
            members(EXIT, "java.lang.System", "exit"),
            members(NATIVE, "java.lang.System", "load loadLibrary mapLibraryName"),
            members(STANDARD_STREAMS, "java.lang.System", "setOut setErr setIn getProperty getProperties setProperty"
                    + " setProperties clearProperty getenv console inheritedChannel"),
            members(JVM_TOOLS, "java.lang.System", "getLogger getSecurityManager setSecurityManager runFinalization"),
            members(null, "java.lang.Runtime", "getRuntime availableProcessors freeMemory totalMemory maxMemory gc"
                    + " version"),
            members(EXIT, "java.lang.Runtime", "exit halt"),
            members(PROCESSES, "java.lang.Runtime", "exec"),
            members(NATIVE, "java.lang.Runtime", "load loadLibrary"),
            members(SHUTDOWN_HOOKS, "java.lang.Runtime", "addShutdownHook removeShutdownHook"),
            type(null, "java.lang.Runtime$Version"),
            members(null, "java.lang.Class", "getName getSimpleName getTypeName getCanonicalName getPackageName"
                    + " isInstance cast isAssignableFrom isInterface isArray isPrimitive isEnum isRecord isAnnotation"
                    + " isSynthetic isAnonymousClass isLocalClass isMemberClass isSealed isHidden getComponentType"
                    + " componentType arrayType getSuperclass getInterfaces getModifiers desiredAssertionStatus"
                    + " descriptorString toGenericString"),
            members(REFLECTION, "java.lang.Class", "getDeclaredFields getDeclaredField getDeclaredMethods"
                    + " getDeclaredMethod getDeclaredConstructors getDeclaredConstructor getFields getField getMethods"
                    + " getMethod getConstructors getConstructor newInstance getRecordComponents getEnclosingMethod"
                    + " getEnclosingConstructor getDeclaredClasses getClasses getNestHost getNestMembers"
                    + " getPermittedSubclasses getEnumConstants getDeclaringClass getEnclosingClass getAnnotation"
                    + " getAnnotations getDeclaredAnnotations isAnnotationPresent getGenericSuperclass"
                    + " getGenericInterfaces getTypeParameters"),
            members(CLASS_LOADING, "java.lang.Class", "forName getClassLoader getModule getProtectionDomain"
                    + " getPackage"),
            types(CLASS_LOADING, "java.lang", "ClassLoader Module ModuleLayer Package"),
            types(PROCESSES, "java.lang", "Process ProcessBuilder ProcessHandle"),
            types(REFLECTION, "java.lang", "StackWalker"),
            types(JVM_TOOLS, "java.lang", "Compiler RuntimePermission SecurityManager"),
            packages(null, "java.lang.ref java.lang.annotation"),
            // What javac generates: records' methods, switches, lambdas, string concatenation.
            packages(null, "java.lang.runtime"),
            types(null, "java.lang.invoke", "LambdaMetafactory StringConcatFactory"),
            // VarHandles are an atomics technique (compareAndSet, getVolatile on a field of one's own).
            type(null, "java.lang.invoke.VarHandle"),
            members(null, "java.lang.invoke.MethodHandles", "lookup arrayElementVarHandle"),
            members(null, "java.lang.invoke.MethodHandles$Lookup", "findVarHandle findStaticVarHandle"),
            packages(REFLECTION, "java.lang.invoke java.lang.reflect java.beans"),
            types(REFLECTION, "java.io", "ObjectInputStream ObjectOutputStream ObjectStreamClass ObjectInput"
                    + " ObjectOutput ObjectInputFilter ObjectInputValidation ObjectStreamField Externalizable"
                    + " ObjectStreamConstants"),
            // Collections, concurrency, streams, functions, text, numbers, time, buffers.
            types(null, "java.util", "AbstractCollection AbstractList AbstractMap AbstractQueue"
                    + " AbstractSequentialList AbstractSet ArrayDeque ArrayList Arrays Base64 BitSet Calendar Collection"
                    + " Collections Comparator ConcurrentModificationException Currency Date Deque Dictionary"
                    + " DoubleSummaryStatistics DuplicateFormatFlagsException EmptyStackException EnumMap EnumSet"
                    + " Enumeration EventListener EventObject FormatFlagsConversionMismatchException Formattable"
                    + " FormattableFlags Formatter FormatterClosedException GregorianCalendar HashMap HashSet"
                    + " Hashtable HexFormat IdentityHashMap IllegalFormatCodePointException"
                    + " IllegalFormatConversionException IllegalFormatException IllegalFormatFlagsException"
                    + " IllegalFormatPrecisionException IllegalFormatWidthException IllformedLocaleException"
                    + " InputMismatchException IntSummaryStatistics Iterator LinkedHashMap LinkedHashSet LinkedList"
                    + " List ListIterator Locale LongSummaryStatistics Map MissingFormatArgumentException"
                    + " MissingFormatWidthException NavigableMap NavigableSet NoSuchElementException Objects Optional"
                    + " OptionalDouble OptionalInt OptionalLong PrimitiveIterator PriorityQueue Properties Queue Random"
                    + " RandomAccess Scanner Set SimpleTimeZone SortedMap SortedSet Spliterator Spliterators"
                    + " SplittableRandom Stack StringJoiner StringTokenizer TimeZone Timer TimerTask TreeMap TreeSet UUID"
                    + " UnknownFormatConversionException UnknownFormatFlagsException Vector WeakHashMap"
                    + " EventListenerProxy MissingResourceException InvalidPropertiesFormatException Observable"
                    + " Observer TooManyListenersException ServiceConfigurationError"),
            packages(null, "java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks"
                    + " java.util.function java.util.stream java.util.regex java.util.random java.math java.text"
                    + " java.time java.time.format java.time.temporal java.time.chrono java.time.zone java.nio"
                    + " java.nio.charset"),
            // Streams that do not open files: in memory, pipes, or around another stream.
            types(null, "java.io", "BufferedInputStream BufferedOutputStream BufferedReader BufferedWriter"
                    + " ByteArrayInputStream ByteArrayOutputStream CharArrayReader CharArrayWriter CharConversionException"
                    + " Closeable DataInput DataInputStream DataOutput DataOutputStream EOFException"
                    + " FileNotFoundException FilterInputStream FilterOutputStream FilterReader FilterWriter Flushable"
                    + " IOError IOException InputStream InputStreamReader InterruptedIOException LineNumberReader"
                    + " OutputStream OutputStreamWriter PipedInputStream PipedOutputStream PipedReader PipedWriter"
                    + " PrintStream PrintWriter PushbackInputStream PushbackReader Reader SequenceInputStream Serial"
                    + " Serializable StreamTokenizer StringReader StringWriter SyncFailedException UTFDataFormatException"
                    + " UncheckedIOException UnsupportedEncodingException Writer NotSerializableException"
                    + " InvalidClassException InvalidObjectException ObjectStreamException NotActiveException"
                    + " OptionalDataException StreamCorruptedException WriteAbortedException LineNumberInputStream"
                    + " StringBufferInputStream"),
            types(FILES, "java.io", "File FileDescriptor FileFilter FileInputStream FileOutputStream FileReader"
                    + " FileWriter FilenameFilter RandomAccessFile"),
            packages(FILES, "java.nio.file java.nio.file.attribute java.util.zip java.util.jar java.util.prefs"),
            types(FILES, "java.nio.channels", "FileChannel AsynchronousFileChannel FileLock SeekableByteChannel"
                    + " FileLockInterruptionException OverlappingFileLockException"),
            types(STANDARD_STREAMS, "java.io", "Console"),
            // Sockets, for the katas whose spec allows them (SafetyRules keeps them on the loopback address).
            types(SOCKETS, "java.net", "BindException ConnectException Inet4Address Inet6Address InetAddress"
                    + " InetSocketAddress NoRouteToHostException PortUnreachableException ProtocolFamily ServerSocket"
                    + " Socket SocketAddress SocketException SocketOption SocketOptions SocketTimeoutException"
                    + " StandardProtocolFamily StandardSocketOptions UnknownHostException URI URISyntaxException"
                    + " MalformedURLException URLEncoder URLDecoder IDN ProtocolException UnknownServiceException"),
            types(SOCKETS, "java.nio.channels", "AcceptPendingException AlreadyBoundException"
                    + " AlreadyConnectedException AsynchronousByteChannel AsynchronousChannel AsynchronousChannelGroup"
                    + " AsynchronousCloseException AsynchronousServerSocketChannel AsynchronousSocketChannel ByteChannel"
                    + " CancelledKeyException Channel Channels ClosedByInterruptException ClosedChannelException"
                    + " ClosedSelectorException CompletionHandler ConnectionPendingException GatheringByteChannel"
                    + " IllegalBlockingModeException InterruptedByTimeoutException InterruptibleChannel NetworkChannel"
                    + " NoConnectionPendingException NonReadableChannelException NonWritableChannelException"
                    + " NotYetBoundException NotYetConnectedException ReadPendingException ReadableByteChannel"
                    + " ScatteringByteChannel SelectableChannel SelectionKey Selector ServerSocketChannel"
                    + " ShutdownChannelGroupException SocketChannel UnresolvedAddressException"
                    + " UnsupportedAddressTypeException WritableByteChannel WritePendingException"
                    + " IllegalChannelGroupException IllegalSelectorException Pipe"),
            packages(SOCKETS, "java.nio.channels.spi"),
            packages(NATIVE, "sun.misc java.lang.foreign"),
            packages(JVM_TOOLS, "java.lang.management javax.management java.util.logging java.rmi javax.naming"
                    + " java.sql javax.sql javax.script javax.tools javax.lang.model javax.annotation.processing"),
            packages(CLASS_LOADING, "java.lang.instrument"),
            types(CLASS_LOADING, "java.util", "ServiceLoader ResourceBundle ListResourceBundle"
                    + " PropertyResourceBundle")).flatMap(List::stream).toList();

    private JdkAllowList() {
    }

    /** Every grant of the JDK allow-list, those that need an allowance included. */
    public static List<Grant> grants() {
        return GRANTS;
    }

    /**
     * What an exercise's student code may use: the grants every kata has, those of the allowances
     * its spec names, and the JDK names its spec grants.
     */
    public static List<Grant> grantedTo(kata.grader.course.Exercise exercise) {
        Set<Allowance> allowed = Allowance.of(exercise);
        List<Grant> granted = new ArrayList<>(Allowance.grantsOf(exercise));
        GRANTS.stream().filter(g -> g.allowance() == null || allowed.contains(g.allowance())).forEach(granted::add);
        return granted;
    }

    /**
     * The grant that lets code with these allowances and extra grants use this JDK class, or the
     * most specific grant that would (with the allowance it needs), or empty when nothing would.
     */
    static Decision type(String className, Set<Allowance> allowed, List<Grant> extra) {
        String packageName = packageOf(className);
        List<Grant> covering = covering(className, packageName, extra);
        Optional<Grant> granted = covering.stream().filter(g -> g.allowance() == null || allowed.contains(g.allowance()))
                .findFirst();
        if (granted.isPresent()) {
            return new Decision(true, null);
        }
        return new Decision(false, covering.stream().map(Grant::allowance).findFirst().orElse(null));
    }

    /**
     * Whether a member of a granted JDK class may be used; when not, the allowance that would
     * grant it (null when none).
     */
    static Decision member(String className, String member, Set<Allowance> allowed, List<Grant> extra) {
        if (OBJECT_MEMBERS.contains(member)) {
            return new Decision(true, null);
        }
        List<Grant> exact = new ArrayList<>();
        for (Grant grant : concat(extra)) {
            if (!grant.isPackage() && grant.name().equals(className) && !grant.members().isEmpty()) {
                exact.add(grant);
            }
        }
        if (exact.isEmpty()) {
            return new Decision(true, null);
        }
        Allowance needed = null;
        for (Grant grant : exact) {
            if (grant.members().contains(member)) {
                if (grant.allowance() == null || allowed.contains(grant.allowance())) {
                    return new Decision(true, null);
                }
                needed = grant.allowance();
            }
        }
        return new Decision(false, needed);
    }

    /**
     * Whether the use is allowed; when not, the allowance a kata's spec would need for it, or
     * null when no spec can allow it.
     */
    record Decision(boolean allowed, Allowance needs) {
    }

    private static List<Grant> covering(String className, String packageName, List<Grant> extra) {
        List<Grant> covering = concat(extra).stream().filter(g -> g.covers(className, packageName))
                .sorted(Comparator.comparingInt(Grant::specificity).reversed()).toList();
        if (covering.isEmpty()) {
            return covering;
        }
        // Only the most specific grants speak: a class grant with an allowance is not widened by
        // its package's grant.
        int best = covering.get(0).specificity();
        return covering.stream().filter(g -> g.specificity() == best)
                .sorted(Comparator.comparing((Grant g) -> g.allowance() != null)).toList();
    }

    private static List<Grant> concat(List<Grant> extra) {
        if (extra.isEmpty()) {
            return GRANTS;
        }
        List<Grant> all = new ArrayList<>(extra);
        all.addAll(GRANTS);
        return all;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static List<Grant> type(Allowance allowance, String name) {
        return List.of(new Grant(name, false, Set.of(), allowance));
    }

    private static List<Grant> members(Allowance allowance, String type, String names) {
        return List.of(new Grant(type, false, Set.of(names.split(" ")), allowance));
    }

    /** Classes of one package, by simple name. */
    private static List<Grant> types(Allowance allowance, String packageName, String simpleNames) {
        return Arrays.stream(simpleNames.split(" "))
                .map(name -> new Grant(packageName + "." + name, false, Set.of(), allowance)).toList();
    }

    private static List<Grant> packages(Allowance allowance, String names) {
        return Arrays.stream(names.split(" ")).map(name -> new Grant(name, true, Set.of(), allowance)).toList();
    }
}
