package app.homeward.homework.portal;

import app.homeward.base.DomainException;
import app.homeward.worksheet.FieldProblem;

import java.io.Serial;
import java.util.List;

/** Answers that cannot be saved or submitted as they are, with each problem for the renderer to show. */
public class AnswerProblems extends DomainException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public AnswerProblems(List<FieldProblem> problems) {
        super(problems.getFirst().fieldKey(), problems.getFirst().messageKey(), problems.getFirst().arguments());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
