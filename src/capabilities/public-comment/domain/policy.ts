import type { Localized } from '../../../kernel/localized.ts';

/** The moderation policy a period starts with; the convener may rewrite it in both languages. */
export const DEFAULT_POLICY: Localized = {
  en: [
    'Everyone may comment, in English or French, with or without an organization. We publish every comment that is about the document.',
    'We hide a comment only when it contains personal attacks, hate, threats, spam or advertising, personal information about someone else, or was submitted in someone else’s name. A hidden comment stays listed with its receipt number and the reason it was hidden.',
    'Campaigns are welcome: one text with many signatories counts every signatory.',
    'If a comment was submitted in your name but not by you, report it from the comment’s page. We check every report and record our decision in the public activity log.',
  ].join('\n\n'),
  fr: [
    'Toute personne peut commenter, en français ou en anglais, avec ou sans organisation. Nous publions tout commentaire qui porte sur le document.',
    'Nous ne masquons un commentaire que s’il contient des attaques personnelles, de la haine, des menaces, du pollupostage ou de la publicité, des renseignements personnels sur autrui, ou s’il a été soumis au nom de quelqu’un d’autre. Un commentaire masqué reste dans la liste avec son numéro de reçu et la raison du masquage.',
    'Les campagnes sont les bienvenues : un texte signé par plusieurs personnes compte chaque signataire.',
    'Si un commentaire a été soumis en votre nom sans que vous en soyez l’auteur, signalez-le depuis la page du commentaire. Nous examinons chaque signalement et consignons notre décision dans le journal d’activité public.',
  ].join('\n\n'),
};

export const POLICY_MAX = 10_000;
