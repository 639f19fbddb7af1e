/**
 * The plan screens: the assign dialog (new plan, step ladder, choice, change of plan) and how a schedule reads.
 * The client page embeds both, hence the named interface "plan-ui".
 */
@org.springframework.modulith.NamedInterface("plan-ui")
package app.homeward.homework.plan.ui;
