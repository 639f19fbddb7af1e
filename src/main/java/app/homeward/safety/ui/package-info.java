/** The clinic admin's safety settings: crisis lines per language and what clients see of their scores. */
package app.homeward.safety.ui;
