package probe;

import java.util.ArrayList;
import java.util.List;

public class Probe {
    private final List<long[]> hoard = new ArrayList<>();

    public int answer() {
        while (true) {
            hoard.add(new long[1_000_000]);
        }
    }

    public void say(String text) {
        System.out.println(text);
    }
}
