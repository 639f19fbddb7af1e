/**
 * Shared kernel: the tenant-scoped entity base class, domain exceptions and i18n.
 * Every feature may depend on it; it depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.homeward.base;
