package app.homeward.worksheet;

import app.homeward.base.DomainException;

import java.io.Serial;
import java.util.List;

/** A worksheet that cannot be saved or published as it is, with every problem found (for the builder). */
public class WorksheetProblems extends DomainException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public WorksheetProblems(List<FieldProblem> problems) {
        super(problems.getFirst().fieldKey(), problems.getFirst().messageKey(), problems.getFirst().arguments());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
