/** Small UI helpers every feature's views share: form errors, public-page card, error handling. */
@org.springframework.modulith.NamedInterface("ui")
package app.homeward.base.ui;
