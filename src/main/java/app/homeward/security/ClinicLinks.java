package app.homeward.security;

import org.springframework.security.access.prepost.PreAuthorize;
import app.homeward.base.EmailAddress;
import app.homeward.base.Links;
import app.homeward.base.Messages;
import app.homeward.mail.ClinicSender;
import app.homeward.mail.MailIdentities;
import app.homeward.mail.MailService;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Email me my clinic links" on /login. The one place outside the platform feature that reads across
 * clinics (root scope): it must, because the person does not know their clinic. It only ever answers by
 * email, and the page says the same whether or not the address has any account.
 */
@Service
public class ClinicLinks {

    private final AccountRepository accounts;
    private final ClinicDirectory clinics;
    private final MailService mail;
    private final MailIdentities identities;
    private final Links links;
    private final RateLimits limits;
    private final TransactionTemplate tx;

    ClinicLinks(AccountRepository accounts, ClinicDirectory clinics, MailService mail, MailIdentities identities,
                Links links, RateLimits limits, TransactionTemplate tx) {
        this.identities = identities;
        this.accounts = accounts;
        this.clinics = clinics;
        this.mail = mail;
        this.links = links;
        this.limits = limits;
        this.tx = tx;
    }

    private record Found(List<Account> accounts, Map<UUID, ClinicSender> senders) {
    }

    @PreAuthorize("permitAll()")
    public void emailLinks(String email, String ip) {
        String address = EmailAddress.require("email", email);
        if (!limits.tryAcquire(RateLimits.Limit.CLINIC_LINKS, ip)
                || !limits.tryAcquire(RateLimits.Limit.CLINIC_LINKS, address)) {
            return;
        }
        // the accounts, and how each clinic names itself in mail (a discreet clinic by its neutral name)
        Found found = TenantContext.callAsRoot(() -> tx.execute(status -> {
            List<Account> all = accounts.findAllByEmail(address);
            return new Found(all, identities.senders(all.stream().map(Account::getClinicId).distinct().toList()));
        }));
        if (found == null || found.accounts().isEmpty()) {
            return;
        }
        String language = found.accounts().getFirst().getLanguage();
        Locale locale = Messages.forLanguageTag(language);
        List<Map<String, String>> entries = found.accounts().stream()
                .filter(a -> a.getStatus() == AccountStatus.ACTIVE)
                .map(a -> clinics.findById(a.getClinicId()).filter(ClinicBranding::active))
                .flatMap(Optional::stream)
                .distinct()
                .map(c -> Map.of("name", identities.shownName(found.senders().get(c.id()), c.name(), locale),
                        "url", links.clinicPage(c.slug())))
                .toList();
        if (entries.isEmpty()) {
            return;
        }
        mail.send(null, address, locale, "clinic-links",
                Map.of("clinicName", "Homeward", "clinics", entries));
    }
}
