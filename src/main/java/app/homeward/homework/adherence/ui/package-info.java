/**
 * The adherence screens: the therapist's adherence page, and the panels the client page embeds (adherence,
 * measures), which are why this package is the named interface "adherence-ui".
 */
@org.springframework.modulith.NamedInterface("adherence-ui")
package app.homeward.homework.adherence.ui;
