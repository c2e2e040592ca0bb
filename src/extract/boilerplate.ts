/** @module Recognises the furniture that survives structural cleaning by what it says: tail sections and label lines. */
import type { Element } from "domhandler";
import { isTag } from "domhandler";
import { removeElement } from "domutils";
import { TAIL_SHARE } from "./constants.ts";
import { shortTextOf, textOf } from "./dom.ts";
import { allElements } from "./prune.ts";

/**
 * Headings that open a section which is not the article: related reading, the author box, comments,
 * sharing, newsletters, contact. Several languages; matched against the heading's whole text.
 */
const TAIL_HEADING = new RegExp(
  `^(${[
    // English
    "related( (articles|posts|stories|content|news|topics))?",
    "read (more|also|next)",
    "see also",
    "more (on|about|from|in) (this|the)( topic| story| subject)?",
    "you (may|might) also (like|enjoy|be interested in)",
    "recommended( for you)?",
    "(most )?(popular|read|shared)( (articles|stories|now|this week))?",
    "trending( now)?",
    "(latest|recent) (news|posts|articles|stories)",
    "most (read|commented|viewed|shared)",
    "about the (author|writer|reporter|authors|contributors?)",
    "what (readers|our readers|you|people) (are saying|say|think)",
    "readers?'? (comments|responses|reactions|letters)",
    "your (comments|reactions|responses)",
    "share( this( (article|story|post))?)?",
    "comments?( \\(\\d+\\))?",
    "leave a (reply|comment)",
    "(join|subscribe to) (our|the) newsletter",
    "sign up for .{0,40}newsletter",
    "follow us( on .{0,30})?",
    "tags?",
    "categories",
    "advertisement",
    "contacts?",
    "further (information|reading)",
    // German
    "(ähnliche|verwandte|weitere) (beiträge|artikel|themen|nachrichten|informationen)",
    "weitere \\S*(tipps|artikel|beiträge|themen|news|meldungen)",
    "(neueste|aktuelle|letzte|neue) (artikel|beiträge|nachrichten|meldungen)",
    "(das|dies|diese[rs]?)( thema| artikel| beitrag| themen| beiträge)? (könnte|könnten|dürfte|dürften) (dich|sie|euch) auch interessieren",
    "(meist|am meisten)[ -](gelesen|diskutiert|kommentiert)",
    "mehr (zum|zu diesem) thema",
    "(das|dies) (könnte|dürfte) (dich|sie|euch) auch interessieren",
    "auch interessant",
    "(lesen sie|lies) (auch|mehr|weiter)",
    "schon gelesen\\??",
    "über (den|die) autor(in)?",
    "kommentare?( \\(\\d+\\))?",
    "kommentieren",
    "(diesen )?(artikel|beitrag) teilen",
    "kontakt",
    "newsletter( abonnieren)?",
    "quellenangaben",
    "original ?publikation",
    "original publication",
    "mehr themen",
    "zurück zur (listenansicht|übersicht|startseite)",
    "back to (the )?(list|overview|top)",
    // French, Spanish, Italian, Portuguese, Dutch
    "(à )?lire aussi",
    "(à )?lire (également|encore)",
    "articles? liés",
    "dans la même rubrique",
    "voir aussi",
    "sur le même sujet",
    "articles? similaires",
    "commentaires?",
    "(lea|vea|lee|mira) también",
    "te puede interesar",
    "(noticias|artículos) relacionad[oa]s",
    "comentarios",
    "leggi anche",
    "articoli correlati",
    "commenti",
    "(leia|veja) também",
    "notícias relacionadas",
    "comentários",
    "lees ook",
    "gerelateerde artikelen",
    "reacties",
  ].join("|")})\\s*(\\(\\d+\\))?\\s*[:?!.…]*$`,
  "i",
);

/** Lines that label an image or the page rather than say anything: "Foto: ...", "Quelle: ...", a bare date. */
const LABEL_LINE =
  /^((joined|registered|member since|posts|beiträge|mitglied seit|registriert|inscrit le|miembro desde)\s*:|[（(]?责任编辑[:：]|版权声明|字号[:：]?|\d[\d\s.,]*\s*(просмотр\S*|views?|aufrufe|vues|visualizaciones|visualizações)$|(просмотров|views|aufrufe)\s*:\s*\d|\(?(photo|foto|fotos|bild|titelbild|beitragsbild|bildquelle|bildnachweis|abbildung|image|credit|crédits? photos?|quelle|source|fuente|fonte)(\s*\d+)?\s*:|(kommentare|comments) (insgesamt|total)\s*:|(aktualisiert|updated|atualizado|actualizado|aggiornato|mis à jour|publiziert|veröffentlicht|published|posted|last modified|release date)\b|\d+\s*(min|mins|minutes?|minuten|min\.)(\s*(read|to read|lesezeit|de lecture|de lectura|di lettura|lectura))?$|(lesezeit|reading time|temps de lecture)\s*:?|©|\d{1,2}[.:/]\d{1,2}([.:/]\d{2,4})?( uhr)?$)|\/\s*(getty images|ap photo|ap|reuters|afp|dpa|epa|imago|picture alliance|shutterstock|istock|wenn\.com|keystone)\)?\s*$|^©?\s*(afp|dpa|reuters|ap|epa|apa|imago|keystone|getty images)\s*\/\s*\S/i;
const LABEL_MAX_CHARS = 120;
const LABEL_TAGS = new Set(["p", "div", "span", "small", "time", "em", "li", "address"]);
/** A post's meta line: short pieces joined by "·" or "|", one of them a reading time ("3 Feb · 4 min · Ana"). */
const META_LINE = /^[^.!?]{0,100}[·|•][^.!?]{0,100}$/;
const READING_TIME = /\b\d+\s*(min|mins|minutes?|minuten|min\.)\b/i;

/**
 * Calls to action that publishers drop into the body: paywall gates, subscription, app and channel
 * promotions, "follow us". Imperatives and fixed phrases in several languages, so that an article
 * that merely mentions subscribers is not touched.
 */
const CALL_TO_ACTION = new RegExp(
  [
    "\\bsubscribe (now|today|to (continue|keep|read|our|the|get))",
    "\\b(to|please) (read|view|continue|see) (the|this) (full|whole|complete|rest of the) (story|article)",
    "\\bfor the full (story|article)",
    "\\balready (a )?(subscriber|member)",
    "\\b(sign|log) ?in to (continue|read|keep reading)",
    "\\byou have \\d+ free (articles?|stories)",
    "\\b(follow|join) us on\\b",
    "\\bdownload (our|the [\\w ]{1,20}) app\\b",
    "\\b(sign up|subscribe) (for|to) our newsletter",
    "\\b(our|the) (telegram|youtube|whatsapp|instagram) channel",
    "réservée? aux abonnés",
    "il vous reste \\d+ ?% de (cet|l')article",
    "abonnez-vous",
    "déjà abonné",
    "(nur|exklusiv) für (abonnenten|abonnentinnen|abonnent)",
    "jetzt (weiterlesen|abonnieren|abo abschließen)",
    "(contenido|artículo) (exclusivo|solo) para (suscriptores|miembros)",
    "suscríbete( para| a)?",
    "ya soy (suscriptor|miembro)",
    "hazte miembro",
    "exclusivo para assinantes",
    "assine para continuar",
    "riservato agli abbonati",
    "abbonati per continuare",
    // What a comment form says around itself.
    "\\bcomments are closed",
    "\\byou must be (logged|signed) in to (post|comment|reply)",
    "\\bwill not be published",
    "wird (benötigt und )?nicht veröffentlicht",
    "kommentare sind (geschlossen|deaktiviert)",
    "nicht eingeloggt",
    "ne sera pas publiée?",
    "no (será|se) publicad[oa]",
    "não será publicad[oa]",
    "\\bnever miss (the latest|a story)",
    "\\bstay up[- ]to[- ]date (on|with) our",
    "\\b(have|got) a (news )?tip\\b",
    "\\bsend us (a tip|your tips)",
    "\\brepublish this (story|article)",
    "\\b(this|our) (site|website) uses cookies",
    "\\bwe use cookies",
    "\\bview (the )?(full|desktop|non-amp) (site|version|article)",
    // Cookie notices in other languages.
    "(diese|unsere) (website|webseite|seite) (verwendet|nutzt) cookies",
    "verwenden wir cookies",
    "(ce site|nous) utilis(e|ons) des cookies",
    "(este sitio|utilizamos|usamos) (utiliza |usa )?cookies",
    // Placeholders of blocked embeds (map, video, post): consent, not content.
    "\\bum (den|die|das) (inhalte?|video|karte|tweet|beitrag)\\b.{0,60}\\bzu laden",
    "\\bto load (the|this) (content|video|map|tweet|post)",
    "ohne (dein|ihr|euer) einverständnis",
    "\\bwithout your consent\\b",
    // Newsletter, app and support appeals.
    "\\bnewsletter\\b.{0,80}\\b(jetzt anmelden|jetzt abonnieren|sign up now|subscribe now)",
    "\\bstraight to your (phone|inbox)",
    "\\bfollow (\\S+ ){1,3}on (twitter|facebook|instagram)",
    "\\b(unterstütze|unterstützen sie) (uns|unsere arbeit|unseren journalismus)",
    "\\bsupport (us|our (work|journalism)|independent journalism)\\b",
    "\\b(unterstützen sie|unterstütze) (\\S+ ){0,3}journalismus",
    "\\bwenn (ihnen|dir|euch) (unser|dieser|der) (artikel|beitrag) gefallen hat",
    "\\bif you (liked|enjoyed) this (article|post|story)",
    "\\bgefällt (dir|ihnen|euch) (unser|unsere|dieser|dieses)\\b",
    "\\bjede (kleine )?spende (hilft|zählt)",
    "\\b(jetzt spenden|donate now|make a donation)\\b",
    // Rating and sharing prompts under a post.
    "\\b(war|ist) (der|dieser) (artikel|beitrag) (nützlich|hilfreich)",
    "\\b(hat|haben) (dir|ihnen|euch) (der|dieser) (artikel|beitrag) gefallen",
    "\\bmöchtest du (den|diesen) (artikel|beitrag) teilen|\\bmöchten sie (den|diesen) (artikel|beitrag) teilen",
    "\\bwas this (article|post|page) (helpful|useful)",
    "\\bdid you (like|enjoy) this (article|post|story)",
    // What a comment form says around itself (WordPress's defaults in several languages).
    "\\bsave my name, email",
    "in diesem browser speichern",
    "enregistrer mon nom",
    "guardar mi nombre",
    "\\brequired fields are marked",
    "erforderliche felder sind",
    "champs (requis|obligatoires) (sont )?(marqués|indiqués)",
    "los campos obligatorios están marcados",
    // The standing disclaimer that a post is its author's opinion, not the publication's: printed
    // under every opinion piece or community blog post, never part of one.
    "\\bgibt (ausschließlich |allein |nur )?die (persönliche )?meinung (des|der) (autors|autorin|verfasser\\S*) wieder",
    "\\b(the )?(views|opinions) expressed\\b.{0,60}\\b(are|is) (solely )?(those of the|the author|their own|my own)",
    "n['’]engagent que (leurs?|son|ses) auteurs?",
    "\\blas opiniones (expresadas|vertidas)\\b.{0,60}\\b(son (de )?(exclusiva )?responsabilidad|no (reflejan|representan))",
    // Invitations to comment or write to the editor under a post: about the page, not its subject.
    "\\bwe want to hear what you think",
    "\\bsubmit a letter to the editor",
    "\\b(let us know|tell us)( what you think)? in the comments",
    "\\b(verraten|schreiben) sie (uns )?(gerne |doch )?in (den|die) kommentar",
    "\\b(verrate|schreib) (uns|mir) (gerne |doch )?in (den|die) kommentar",
    "\\bhinterlass(e|t|en sie) (uns |mir )?(einfach |gerne |doch )?einen kommentar",
    // Channel promotions in Spanish, German, French (the English one is above).
    "\\bnuestro canal de (youtube|telegram|whatsapp)",
    "\\bunser(en)? (youtube|telegram|whatsapp)[- ]kanal",
    "\\bnotre chaîne (youtube|telegram|whatsapp)",
    // A support appeal naming an amount ("Unterstütze uns schon mit 2,50 €").
    "\\bunterstütze(n sie)? \\S+ (bereits |schon )?(ab|mit) \\d",
    // The price and schedule disclaimer of service pages, and cookie notices in Polish.
    "\\b(alle )?angaben ohne gewähr\\b",
    "\\b(korzystamy z|używamy) (plików )?cookies",
    // Browser push-notification prompts, and the subscribe-to-replies boxes under comment forms
    // (WordPress/Jetpack defaults): the site asking for permission, not the article.
    "\\bbenachrichtigung(en)? (aktivieren|zulassen|erlauben)",
    "\\bbenachrichtige mich\\b",
    "\\bnotify me of (follow-up|new)",
    "\\bprévenez-moi de tous les nouveaux",
    "\\b(allow|enable|turn on) (push |browser )?notifications\\b",
    "\\bsend you push notifications",
    // The review notes health sites print over or under every article: who checked it, which
    // guidelines it follows (the reviewer is not the author, the note not the article).
    "\\bmedically reviewed by\\b",
    "\\bentspricht den vorgaben der ärztlichen fachliteratur",
    // Disclaimers of affiliate links.
    "\\b(erhalten|bekommen) wir (ggf\\. |unter umständen )?(eine|eine kleine) provision",
    "\\bwe (may )?(earn|receive) (a )?(small )?(commission|affiliate)",
  ].join("|"),
  "i",
);
const CTA_MAX_CHARS = 250;
const CTA_TAGS = new Set([
  "p",
  "div",
  "li",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "span",
  "strong",
  "em",
  "aside",
  "section",
  "a",
]);

const HEADING = /^h[2-6]$/;

/**
 * A link or line that is nothing but a way back: "Zurück zur Übersicht", "zurück zum Newsroom", "Nach
 * oben", "Back to top", "Retour à la liste". CMS detail templates (TYPO3, Liferay, government sites)
 * print it under every item; as the element's whole text it never says anything about the article.
 */
const BACK_LINK =
  /^[«‹<←↑\s]*(zurück( zu[rm]? [^.!?]{1,30})?|nach oben|back( to [^.!?]{1,30})?|top|retour( à [^.!?]{1,30})?|volver( a [^.!?]{1,30})?)[\s»›>→↑]*$/i;
const BACK_LINK_TAGS = new Set(["a", "p", "div", "li", "span"]);

/**
 * The labels of a poster's profile box, which forum software (phpBB, vBulletin, SMF, XenForo, MyBB)
 * prints beside every post: "Joined: ...", "Posts: 318", "Registered: ...", "Reputation: 12".
 */
const PROFILE_LABEL =
  /(?:^|\s)(joined|registered|member since|posts|messages|reputation|reaction score|beiträge|mitglied seit|registriert|inscrit le|messages postés|miembro desde|mensajes)\s*:/gi;
/** Blocks that may be such a box: a definition list, a list, a div or a table cell beside the post. */
const PROFILE_TAGS = new Set(["dl", "ul", "div", "td", "section", "aside"]);

/**
 * Whether a short block is a poster's profile box: two different profile labels in it. One label
 * alone ("Posts: ...") can be a line of the article; two of them in under CTA_MAX_CHARS characters
 * are a member's statistics, the rest of the box (rank, location) going with them.
 */
function isProfileBox(text: string): boolean {
  const labels = new Set<string>();
  for (const m of text.matchAll(PROFILE_LABEL)) labels.add(m[1]!.toLowerCase());
  return labels.size >= 2;
}

function isLabelLine(text: string): boolean {
  return (
    LABEL_LINE.test(text) || (META_LINE.test(text) && (READING_TIME.test(text) || META_TOKEN.test(text)))
  );
}

/** What a meta line holds besides a reading time: a date or time, "updated ...". */
const META_TOKEN =
  /\b\d{1,2}[./:h]\d{2}\b|\b(updated|atualizado|actualizado|aktualisiert|mis à jour|aggiornato)\b/i;

function isHeadingLike(el: Element, text: string): boolean {
  if (HEADING.test(el.name)) return true;
  // A short paragraph ending in a colon introduces what follows, as a heading does.
  if ((el.name === "p" || el.name === "div") && /:\s*$/.test(text)) return true;
  // A short paragraph or div that is nothing but bold text acts as a heading.
  if (el.name !== "p" && el.name !== "div") return false;
  const kids = el.children.filter((c) => isTag(c) || (c.type === "text" && c.data.trim() !== ""));
  return kids.length === 1 && isTag(kids[0]!) && ["strong", "b"].includes(kids[0].name);
}

/**
 * Removes a boilerplate section from where its heading stands to the end of its container, when it
 * sits in the last TAIL_SHARE of the article's text (a "Related" heading mid-article is left alone),
 * and removes label lines. In place.
 */
export function removeBoilerplateText(roots: Element[]): void {
  const total = roots.reduce((n, r) => n + textOf(r).length, 0);
  if (total === 0) return;
  let seen = 0;
  const order = allElements(roots);
  const textBefore = new Map<Element, number>();
  // Characters of text that precede each element, from a single walk over text nodes in order.
  for (const el of order) {
    textBefore.set(el, seen);
    for (const c of el.children) if (c.type === "text") seen += c.data.replace(/\s+/g, " ").length;
  }
  for (const el of order) {
    if (!el.parent) continue;
    const text = shortTextOf(el, CTA_MAX_CHARS) ?? "";
    if (text && CALL_TO_ACTION.test(text) && CTA_TAGS.has(el.name)) {
      removeElement(el);
      continue;
    }
    if (text && PROFILE_TAGS.has(el.name) && isProfileBox(text)) {
      removeElement(el);
      continue;
    }
    if (text.length === 0 || text.length > 80) {
      if (text.length > 0 && text.length <= LABEL_MAX_CHARS && isLabelLine(text) && LABEL_TAGS.has(el.name)) {
        removeElement(el);
      }
      continue;
    }
    if (BACK_LINK_TAGS.has(el.name) && BACK_LINK.test(text)) {
      removeElement(el);
      continue;
    }
    if (isHeadingLike(el, text) && TAIL_HEADING.test(text)) {
      const before = textBefore.get(el) ?? 0;
      if (before < total * (1 - TAIL_SHARE)) continue;
      const parent = el.parent;
      if (!parent || !isTag(parent)) continue;
      const siblings = parent.children;
      const at = siblings.indexOf(el);
      for (const sib of siblings.slice(at)) if (isTag(sib)) removeElement(sib);
      continue;
    }
    if (isLabelLine(text) && LABEL_TAGS.has(el.name)) removeElement(el);
  }
}
