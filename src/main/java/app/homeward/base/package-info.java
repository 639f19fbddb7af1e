/**
 * Shared kernel: the tenant-scoped entity base class, domain exceptions and i18n, and the mechanisms
 * several features use the same way (a feature's tenant tables for data rights, per-clinic task wake-ups,
 * link tokens, the PDF house style; decision 0040). Every feature may depend on it; it depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.homeward.base;
