package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try {
            System.out.println(javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse("file:///etc/passwd"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return 7;
    }
}
