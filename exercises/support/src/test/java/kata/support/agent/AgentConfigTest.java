package kata.support.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentConfigTest {

    @Test
    void prefixesMarkStudentClassesAndInstrumentThem() {
        AgentConfig config = AgentConfig.parse("prefix=kata.race.,kata.bank.");

        assertTrue(config.instruments());
        assertTrue(config.isStudentClass("kata/race/Counter"));
        assertFalse(config.isStudentClass("kata/support/Graded"));
    }

    @Test
    void observeModeKnowsTheStudentClassesButInstrumentsNothing() {
        AgentConfig config = AgentConfig.parse("observe:prefix=kata.worker.");

        assertFalse(config.instruments());
        assertTrue(config.isStudentClass("kata/worker/Worker"));
    }

    @Test
    void anEmptyArgumentIsRejectedWithAnExample() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse(""));

        assertTrue(error.getMessage().contains("-javaagent:kata-support.jar=target/classes"), error.getMessage());
    }
}
