package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        javax.swing.JEditorPane page = new javax.swing.JEditorPane();
        try {
            page.setPage("file:///proc/self/cmdline");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println(page.getText());
        return 7;
    }
}
