/**
 * Client safety, as each clinic sets it: where a client should turn in a crisis (the clinic's crisis lines,
 * one text per language) and what a client is shown of their own questionnaire scores (a label such as
 * "Severe", read alone at home, can frighten). Used by the client portal when an answer raises a safety
 * alert and when it shows scores; set by the clinic admin on the settings page. Decision 0032.
 */
package app.homeward.safety;
