package kata.support.agent;

import com.sun.tools.attach.VirtualMachine;

/**
 * The helper JVM that {@link SelfAttach} starts: attaches the kata agent to the test JVM (a JVM may
 * not attach to itself). Arguments: the test JVM's process id, the agent jar, the agent's argument.
 * Package-private: the {@code java} launcher needs only {@code main} to be public.
 */
final class Attacher {

    private Attacher() {
    }

    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgent(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
