package kata.support.score;

import kata.support.PublicApi;

/** A check either runs the student's code (test) or inspects its bytecode (rule). */
@PublicApi
public enum CheckKind {
    TEST,
    RULE
}
