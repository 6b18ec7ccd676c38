import request from 'supertest';
import { PASSWORD } from './accounts.js';
import type { TestPortal } from './portal.js';

export type PageAgent = ReturnType<typeof request.agent>;

/** Decodes what Handlebars escapes in attribute values. */
export const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The page's CSRF token (the hidden input of its forms). */
export function csrfOf(html: string): string {
  const token = /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return unescapeHtml(token);
}

/** A browser of its own (cookies kept), signed in through the sign-in page. */
export async function signedInAgent(t: TestPortal, username: string): Promise<PageAgent> {
  const agent = request.agent(t.portal.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send(new URLSearchParams({ _csrf: csrfOf(form.text), username, password: PASSWORD }).toString())
    .expect(303);
  return agent;
}

/** Posts a form as a browser without JavaScript does: the CSRF token of the page it was on, what was typed, the button pressed. */
export async function postForm(agent: PageAgent, fromHtml: string, action: string, fields: [string, string][], status: number) {
  const body = new URLSearchParams([['_csrf', csrfOf(fromHtml)], ...fields]).toString();
  return agent.post(action).type('form').send(body).expect(status);
}

/** A 303's target, followed with a GET (as a browser does), expecting `status`. */
export async function follow(agent: PageAgent, res: { headers: Record<string, string> }, status = 200) {
  return agent.get(res.headers.location).expect(status);
}

/** The rows of a summary list as [label, value]. */
export function summaryRows(html: string): string[][] {
  return [
    ...html.matchAll(
      /<dt class="portal-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="portal-summary-list__value[^"]*">([\s\S]*?)<\/dd>/g,
    ),
  ].map((m) => [text(m[1]), text(m[2])]);
}

/** The visible text of an HTML fragment, spaces collapsed. */
export function text(html: string): string {
  return unescapeHtml(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
