/**
 * The clinic's look on a page (logo, name, accent) and the base of its public pages:
 * shared by every feature's views, so exposed as a named interface.
 */
@org.springframework.modulith.NamedInterface("ui")
package app.homeward.tenancy.ui;
