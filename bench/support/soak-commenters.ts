/**
 * @module For the soak bench: readers who comment through the real form, and a moderator who works the
 * queue through the real admin pages. A commenter reads the front page, opens an article, fetches the
 * form's token as the form's script does, types for a few seconds (longer than the minimum fill
 * time), and posts, sometimes as a reply to a comment on the page. Each commenter writes under a few
 * addresses, each with its own browser cookies: a first comment waits for the moderator, and once one
 * is approved the address's later comments from that browser appear at once, changing the pages.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];

/** The `name=value` pairs a response sets, merged into a Cookie header. */
function withCookies(cookie: string, res: Response): string {
  const jar = new Map(cookie ? cookie.split("; ").map((c) => c.split("=", 2) as [string, string]) : []);
  for (const set of res.headers.getSetCookie()) {
    const [pair = ""] = set.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

export interface CommentTally {
  posted: number;
  /** Answered 303: stored, shown at once or held for the moderator. */
  acknowledged: number;
  approvedAtOnce: number;
  held: number;
  /** Other answers, by status (or the error's message). */
  refused: Map<string, number>;
  /** Comments the moderator approved, and marked as trash. */
  moderated: { approved: number; trashed: number; rounds: number };
}

export function newTally(): CommentTally {
  return {
    posted: 0,
    acknowledged: 0,
    approvedAtOnce: 0,
    held: 0,
    refused: new Map(),
    moderated: { approved: 0, trashed: 0, rounds: 0 },
  };
}

const refuse = (tally: CommentTally, why: string) =>
  tally.refused.set(why, (tally.refused.get(why) ?? 0) + 1);

/**
 * Commenter `n` until `stopped()`: posts under `addresses` identities in turn, typing `typingMs`
 * (past NEWSDESK_COMMENT_MIN_SECONDS) and pausing `pauseMs` between comments.
 */
export async function commenter(
  site: string,
  n: number,
  opts: { addresses: number; typingMs: number; pauseMs: number },
  tally: CommentTally,
  stopped: () => boolean,
): Promise<void> {
  const cookies = Array.from({ length: opts.addresses }, () => "");
  for (let i = 0; !stopped(); i++) {
    const who = i % opts.addresses;
    try {
      const front = await (await fetch(`${site}/`)).text();
      const link = pick([...front.matchAll(/href="(\/articles\/\d+-[^"#?]+)"/g)].map((m) => m[1] as string));
      if (!link) {
        await sleep(1_000);
        continue;
      }
      const page = await fetch(`${site}${link}`, { headers: { cookie: cookies[who] ?? "" } });
      const html = await page.text();
      const path = new URL(page.url).pathname;
      const articleId = /form-token\?article=(\d+)/.exec(html)?.[1];
      if (!articleId) throw new Error(`no comment form on ${path}`);
      const tokenRes = await fetch(`${site}/comments/form-token?article=${articleId}`);
      const { token } = (await tokenRes.json()) as { token: string };
      await sleep(opts.typingMs);
      // A reply to a comment shown on the page, one time in three.
      const shown = [...html.matchAll(/<li id="comment-(\d+)"/g)].map((m) => m[1] as string);
      const parent = i % 3 === 2 ? (pick(shown) ?? "") : "";
      tally.posted++;
      const res = await fetch(`${site}${path}/comments`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: site,
          cookie: cookies[who] ?? "",
        },
        body: new URLSearchParams({
          name: `Reader ${n}-${who}`,
          email: `reader-${n}-${who}@soak.example`,
          website: "",
          comment: `Comment ${i} from reader ${n}-${who}: the *budget* figures in this report deserve a closer look.`,
          parent,
          token,
          url_confirm: "",
        }).toString(),
      });
      await res.arrayBuffer();
      if (res.status === 303) {
        tally.acknowledged++;
        if (/#comment-\d+$/.test(res.headers.get("location") ?? "")) tally.approvedAtOnce++;
        else tally.held++;
        cookies[who] = withCookies(cookies[who] ?? "", res);
      } else refuse(tally, String(res.status));
    } catch (err) {
      refuse(tally, (err as Error).message);
    }
    await sleep(opts.pauseMs);
  }
}

/** Signs in through /admin/sign-in; returns the session's Cookie header. */
async function signIn(site: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${site}/admin/sign-in`);
  const cookie = withCookies("", form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const res = await fetch(`${site}/admin/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: site, cookie },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  await res.arrayBuffer();
  if (res.status !== 303) throw new Error(`moderator sign-in answered ${res.status}`);
  return withCookies(cookie, res);
}

/**
 * The moderator until `stopped()`: every `everyMs`, opens the pending queue and approves three in
 * four of the comments waiting, trashing the rest, with the queue's bulk form.
 */
export async function moderator(
  site: string,
  account: { email: string; password: string },
  everyMs: number,
  tally: CommentTally,
  stopped: () => boolean,
): Promise<void> {
  const cookie = await signIn(site, account.email, account.password);
  for (;;) {
    for (const until = Date.now() + everyMs; Date.now() < until && !stopped(); ) await sleep(500);
    if (stopped()) return;
    const queue = await (
      await fetch(`${site}/admin/comments?status=pending`, { headers: { cookie } })
    ).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(queue)?.[1] ?? "";
    const ids = [...queue.matchAll(/name="id" value="(\d+)"/g)].map((m) => m[1] as string);
    const trash = ids.filter((id) => Number(id) % 4 === 0);
    const approve = ids.filter((id) => Number(id) % 4 !== 0);
    for (const [action, chosen] of [
      ["approve", approve],
      ["trash", trash],
    ] as const) {
      if (chosen.length === 0) continue;
      const body = new URLSearchParams({ _csrf: csrf, status: "pending", page: "1", action });
      for (const id of chosen) body.append("id", id);
      const res = await fetch(`${site}/admin/comments`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: site, cookie },
        body: body.toString(),
      });
      await res.arrayBuffer();
      if (res.status !== 303) throw new Error(`the moderation queue answered ${action} with ${res.status}`);
      tally.moderated[action === "approve" ? "approved" : "trashed"] += chosen.length;
    }
    tally.moderated.rounds++;
  }
}
