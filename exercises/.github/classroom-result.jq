# target/scorecard.json (your public checks) -> the GitHub Classroom grading reporter's result:
# {"version":1,"status","max_score","tests":[{"name","status","score","message","test_code",
#  "filename","line_no","duration"}]}. Every kata is in the scorecard: one that does not compile (or
# whose checks did not run) scores 0 with its checks as errors, so max_score never shrinks.
{
  version: 1,
  status: (if ([.exercises[].checks[] | select(.status == "error")] | length) > 0 then "error"
           elif .score == .max_score and .max_score > 0 then "pass"
           else "fail" end),
  max_score: .max_score,
  tests: [
    .exercises[] as $kata | $kata.checks[] | {
      name: "\($kata.slug): \(.name)",
      status: (if .status == "passed" then "pass" elif .status == "error" then "error" else "fail" end),
      score: (if .status == "passed" then .max_points else 0 end),
      message: .message,
      test_code: "mvn verify -pl \($kata.slug) -am (check \(.id))",
      filename: "",
      line_no: 0,
      duration: .duration_millis
    }
  ]
}
