package kata.grader.redteam;

import kata.support.score.ExerciseStatus;

/**
 * One hostile or broken submission and what grading it must end with.
 *
 * @param name    the submission's folder under {@code redteam/submissions}
 * @param attack  what the submission does, in a few words
 * @param status  the attacked exercise's status
 * @param score   the points it earns (of 3): what passes before the attack keeps its points
 * @param said    a part of the message the student reads about it
 */
record RedTeamCase(String name, String attack, ExerciseStatus status, double score, String said) {

    @Override
    public String toString() {
        return name;
    }
}
