package kata.runner;

public class Protocol {
}
