package kata.grader.classresults;

/**
 * One kata of the class, in course order.
 *
 * @param slug  its folder name
 * @param title its title
 * @param max   its points
 */
public record KataColumn(String slug, String title, double max) {
}
