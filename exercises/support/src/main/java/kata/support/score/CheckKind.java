package kata.support.score;

/** A check either runs the student's code (test) or inspects its bytecode (rule). */
public enum CheckKind {
    TEST,
    RULE
}
