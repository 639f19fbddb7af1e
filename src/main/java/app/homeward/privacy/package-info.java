/**
 * Data rights: a client takes everything Homeward holds about them (a readable PDF and a ZIP of JSON and
 * FHIR R4), asks for erasure and the clinic admin confirms it (after the clinic's retention period); a
 * clinic admin exports one client's record or the whole clinic (a background job and a download only
 * they can use for 24 hours). Reads the other features through their public services and erases through
 * their {@link app.homeward.base.ClinicData} beans.
 */
package app.homeward.privacy;
