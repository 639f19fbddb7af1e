package app.homeward.security;

import app.homeward.base.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Account facts for data rights: one's own, or (clinic admins) a client's account in their clinic. */
@Service
public class AccountRecords {

    private final AccountRepository accounts;

    AccountRecords(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @PreAuthorize("isAuthenticated() and !hasRole('PLATFORM_OPERATOR')")
    @Transactional(readOnly = true)
    public AccountSummary mine() {
        return AccountSummary.of(accounts.findById(CurrentUser.require().accountId()).orElseThrow(NotFoundException::new));
    }

    /** A client's account (never a staff member's: the admin exports clients' records). */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public Optional<AccountSummary> clientAccount(UUID accountId) {
        return accountId == null ? Optional.empty()
                : accounts.findById(accountId).filter(a -> a.getRole() == Role.CLIENT).map(AccountSummary::of);
    }
}
