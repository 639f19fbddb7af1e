package app.homeward.homework.portal;

import app.homeward.base.DomainException;
import app.homeward.worksheet.AnswerProblem;

import java.io.Serial;
import java.util.List;

/** Answers that cannot be saved or submitted as they are, with each problem for the renderer to show. */
public class AnswerProblems extends DomainException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<AnswerProblem> problems;

    public AnswerProblems(List<AnswerProblem> problems) {
        super(problems.getFirst().key(), problems.getFirst().messageKey(), problems.getFirst().arguments());
        this.problems = List.copyOf(problems);
    }

    public List<AnswerProblem> problems() {
        return problems;
    }
}
