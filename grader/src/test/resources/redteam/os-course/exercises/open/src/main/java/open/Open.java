package open;

/** An exercise whose spec allows files, so that only the operating system's sandbox stands guard. */
public class Open {

    /** "contained" when the attack found nothing; else what it got. */
    public String probe() throws Exception {
        return "contained";
    }
}
