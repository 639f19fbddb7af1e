/**
 * The tenants/ folder import: clinics, accounts, caseloads and homework described in YAML files, created at
 * start-up if missing (the demo clinic, the journeys' clinics). It sits on top of every feature it seeds, so
 * no feature depends on it and the clinic module depends on none of the features (decision 0011).
 */
package app.homeward.tenants;
