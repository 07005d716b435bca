package target;

public class TargetTest {
}
