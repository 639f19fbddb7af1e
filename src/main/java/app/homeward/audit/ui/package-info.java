/**
 * The audit trail's screens: the clinic admin's trail (/app/audit) and the "who opened this record" panel
 * that the client page shows to admins, exposed to the other features' views as a named interface.
 */
@org.springframework.modulith.NamedInterface("ui")
package app.homeward.audit.ui;
