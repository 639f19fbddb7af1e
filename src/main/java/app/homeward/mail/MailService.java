package app.homeward.mail;

import app.homeward.base.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Renders an email from its templates ({@code mail/NAME.txt} and {@code mail/NAME.html}, text via
 * {@code #{...}} from the same message bundles as the UI, in the recipient's language) and sends it
 * once the surrounding transaction has committed, so a rolled-back signup sends nothing.
 * Templates receive only names and links: nothing clinical ever goes into an email. A clinic with the
 * discreet sender on ({@link MailIdentities}) is named by its neutral name everywhere in its mail: the
 * {@code clinicName} of every template and subject, and the From display name.
 */
@Service
public class MailService {

    private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

    private final TemplateEngine engine = new TemplateEngine();
    private final TemplateShapes shapes = new TemplateShapes();
    private final MailTransport transport;
    private final Messages messages;
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    private final boolean capturing;
    private final Clock clock;
    private final MailIdentities identities;

    MailService(MailTransport transport, Messages messages, MailIdentities identities,
                ObjectProvider<MailProperties> smtp, DevMailboxSettings devMailbox, Clock clock) {
        this.clock = clock;
        this.identities = identities;
        this.capturing = devMailbox.enabled() && !MailConfig.smtpConfigured(smtp);
        this.transport = transport;
        this.messages = messages;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setMessageResolver(new IMessageResolver() {
            @Override
            public String getName() {
                return "homeward-bundles";
            }

            @Override
            public Integer getOrder() {
                return 0;
            }

            @Override
            public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
                return messages.getTranslation(key, context.getLocale(), params);
            }

            @Override
            public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                            Object[] params) {
                return "!" + key;
            }
        });
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

    /** True when mail is kept in the development mailbox page instead of being sent. */
    public boolean capturesMail() {
        return capturing;
    }

    /** Renders now; delivers after commit (or at once outside a transaction). */
    public MailMessage send(UUID clinicId, String to, Locale locale, String template, Map<String, Object> model) {
        MailMessage message = render(identities.sender(clinicId), to, locale, template, model);
        Runnable deliver = () -> sender.execute(() -> deliver(message));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver.run();
                }
            });
        } else {
            deliver.run();
        }
        return message;
    }

    /**
     * Renders a message for the reminder outbox, which sends it later in a batch. A template that
     * fails to render throws here, so only that message fails.
     */
    public MailMessage prepare(UUID clinicId, String to, Locale locale, String template, Map<String, Object> model) {
        return render(identities.sender(clinicId), to, locale, template, model);
    }

    /**
     * Like {@link #prepare}, for the many similar emails of the outbox: the templates are rendered
     * once per shape (template, language and the model without {@code fillIns}) and each message fills
     * in its own values of {@code fillIns}, escaped as the template would. Only values the templates
     * print as they are may be fill-ins (see {@link TemplateShapes}); the result is the same as
     * {@link #prepare}'s.
     */
    public MailMessage prepare(UUID clinicId, String to, Locale locale, String template, Map<String, Object> model,
                               Set<String> fillIns) {
        return prepare(identities.sender(clinicId), to, locale, template, model, fillIns);
    }

    /**
     * Like {@link #prepare(UUID, String, Locale, String, Map, Set)}, with the clinic's sender already looked
     * up ({@link MailIdentities#sender}): the outbox looks it up once per batch, not once per message.
     */
    public MailMessage prepare(ClinicSender sender, String to, Locale locale, String template, Map<String, Object> model,
                               Set<String> fillIns) {
        Locale language = Messages.textLocale(locale);
        Map<String, Object> shown = asShown(sender, language, model);
        String[] filled = shapes.fill(template, language, shown, fillIns,
                withMarkers -> renderAsShown(sender, to, language, template, withMarkers));
        return new MailMessage(UUID.randomUUID(), clock.instant(), sender.clinicId(), to, fromName(sender, language),
                filled[0], filled[1], filled[2]);
    }

    /** Sends a batch now (one SMTP connection), one result per message in order. Never throws. */
    public List<Delivery> sendBatch(List<OutgoingMail> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            return transport.deliverBatch(batch);
        } catch (RuntimeException e) {
            LOG.warn("mail batch failed size={} cause={}", batch.size(), e.getClass().getSimpleName());
            return batch.stream().map(m -> Delivery.temporary("unknown")).toList();
        }
    }

    MailMessage render(ClinicSender sender, String to, Locale locale, String template, Map<String, Object> model) {
        Locale language = Messages.textLocale(locale);
        return renderAsShown(sender, to, language, template, asShown(sender, language, model));
    }

    private MailMessage renderAsShown(ClinicSender sender, String to, Locale language, String template,
                                      Map<String, Object> model) {
        Context context = new Context(language, model);
        // subjects are plain bundle text: "mail.NAME.subject" with the clinic's name as {0}
        String subject = messages.getTranslation("mail." + template + ".subject", language, model.get("clinicName"));
        String text = engine.process(template + ".txt", context);
        String html = engine.process(template + ".html", context);
        return new MailMessage(UUID.randomUUID(), clock.instant(), sender.clinicId(), to, fromName(sender, language),
                subject, text, html);
    }

    /** The model as the recipient sees it: a discreet clinic's neutral name in place of its own. */
    private Map<String, Object> asShown(ClinicSender sender, Locale language, Map<String, Object> model) {
        if (!sender.discreet()) {
            return model;
        }
        Map<String, Object> shown = new HashMap<>(model);
        shown.put("clinicName", identities.shownName(sender, null, language));
        return shown;
    }

    /** The From display name: a discreet clinic's neutral name, else the configured one. */
    private String fromName(ClinicSender sender, Locale language) {
        return sender.discreet() ? identities.shownName(sender, null, language) : null;
    }

    private void deliver(MailMessage message) {
        if (message.clinicId() != null) {
            MDC.put("clinic", message.clinicId().toString());
        }
        try {
            transport.deliver(message);
            LOG.info("mail delivered id={}", message.id());
        } catch (Exception e) {
            // the address is personal data: log only the message id and the clinic (via MDC)
            LOG.warn("mail delivery failed id={} cause={}", message.id(), e.getClass().getSimpleName());
        } finally {
            MDC.remove("clinic");
        }
    }
}
