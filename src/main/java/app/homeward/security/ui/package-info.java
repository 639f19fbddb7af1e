/**
 * Account and sign-in screens: accepting an invitation, password reset, second factor, account settings,
 * the session's watch. Exposed as a named interface for the sign-in form that the clinic's front door and
 * the operator's sign-in page share ({@link app.homeward.security.ui.SignInForm}).
 */
@org.springframework.modulith.NamedInterface("ui")
package app.homeward.security.ui;
