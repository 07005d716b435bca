package bystander;

/** An exercise next to the attacked one, which must score as if nothing happened. */
public class Adder {

    public int add(int a, int b) {
        throw new UnsupportedOperationException("Adder.add(a, b) is not written yet.");
    }
}
