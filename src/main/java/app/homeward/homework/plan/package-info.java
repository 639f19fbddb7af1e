/**
 * The therapist's homework plans: assigning a worksheet with a plan made in session, changing and ending
 * plans, step ladders, choices of tasks, carrying unfinished homework over, and a client's plans with how each
 * has gone ({@link app.homeward.homework.plan.HomeworkPlans}). Builds on the shared model in {@code homework};
 * the client page uses it through the named interface "plan".
 */
@org.springframework.modulith.NamedInterface("plan")
package app.homeward.homework.plan;
