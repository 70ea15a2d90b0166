import type { HelpArticleDefinition } from "../../../modules/help-centre/domain/index.ts";

/** 004's help centre: customers are pointed to these before they open a ticket. */
export const EMAIL_PLATFORM_ARTICLES: HelpArticleDefinition[] = [
  {
    title: "Why are my e-mails going to spam?",
    body: "Check that SPF, DKIM and DMARC are set up for your sending domain, warm up new IP addresses slowly and remove inactive contacts. Bounces and spam complaints lower your sender reputation.",
    language: "en",
    requestTypes: ["DELIVERABILITY_INVESTIGATION"],
    keywords: ["deliverability", "spam folder", "junk", "bounce"],
  },
  {
    title: "Warum landen meine E-Mails im Spam?",
    body: "Prüfen Sie SPF, DKIM und DMARC Ihrer Absenderdomain, wärmen Sie neue IP-Adressen langsam auf und entfernen Sie inaktive Kontakte. Bounces und Spam-Beschwerden senken Ihre Absenderreputation.",
    language: "de",
    requestTypes: ["DELIVERABILITY_INVESTIGATION"],
    keywords: ["Zustellbarkeit", "Spamordner", "Bounce"],
  },
  {
    title: "Pourquoi mes e-mails arrivent-ils en spam ?",
    body: "Vérifiez les enregistrements SPF, DKIM et DMARC de votre domaine d'envoi, chauffez progressivement les nouvelles adresses IP et supprimez les contacts inactifs.",
    language: "fr",
    requestTypes: ["DELIVERABILITY_INVESTIGATION"],
    keywords: ["délivrabilité", "courrier indésirable"],
  },
  {
    title: "¿Por qué mis correos llegan a spam?",
    body: "Compruebe los registros SPF, DKIM y DMARC de su dominio de envío, caliente poco a poco las nuevas direcciones IP y elimine los contactos inactivos.",
    language: "es",
    requestTypes: ["DELIVERABILITY_INVESTIGATION"],
    keywords: ["entregabilidad", "correo no deseado"],
  },
  {
    title: "Download your invoices",
    body: "Every invoice is in Account › Billing › Invoices as a PDF. To send invoices to your accounting team, change the invoice e-mail address there.",
    language: "en",
    requestTypes: ["INVOICE_REQUEST"],
    keywords: ["invoice", "receipt", "billing address"],
  },
  {
    title: "Rechnungen herunterladen",
    body: "Alle Rechnungen finden Sie unter Konto › Abrechnung › Rechnungen als PDF. Die E-Mail-Adresse für Rechnungen ändern Sie ebenfalls dort.",
    language: "de",
    requestTypes: ["INVOICE_REQUEST"],
    keywords: ["Rechnung", "Beleg", "Quittung"],
  },
  {
    title: "Unblock a contact",
    body: "A contact who unsubscribed or hard-bounced is blocked. Open the contact, choose Unblock and confirm that the person agreed to receive your e-mails again.",
    language: "en",
    requestTypes: ["CONTACT_DELETION"],
    keywords: ["blocklist", "unsubscribed", "blacklist"],
  },
  {
    title: "Secure your account after a compromise",
    body: "Change your password, turn on two-factor authentication and revoke API keys you do not recognise. Then ask support in writing to unlock sending.",
    language: "en",
    requestTypes: ["ACCOUNT_UNLOCK"],
    keywords: ["hacked", "suspended", "locked"],
  },
];
