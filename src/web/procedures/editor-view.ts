import { fieldMessage, Problem } from '../../common/problem.js';
import type { Lang } from '../../i18n/i18n.js';
import type { Places } from '../../procedures/forms/render-form.js';
import { emptyForm, type FormState } from '../form.js';
import { previewForm, type FormPreview } from './form-preview.js';
import { EDITOR_ID, parseJson } from './json-editor.js';

export interface EditorOptions {
  title: string;
  /** Where the editor posts; null for a read-only view (a published version). */
  action: string | null;
  json: string;
  form?: FormState;
  backHref: string;
  places: Places;
  lang: Lang;
}

/** The JSON editor page with the live preview of the form beside it. */
export function editorView(o: EditorOptions) {
  return {
    title: o.title,
    action: o.action,
    readOnly: o.action === null,
    editorId: EDITOR_ID,
    json: o.json,
    form: o.form ?? emptyForm({ json: o.json }),
    preview: previewOfText(o.json, o.places, o.lang),
    backHref: o.backHref,
    editorScripts: true,
  };
}

/** The preview of whatever the textarea holds, even when it is not JSON yet. */
export function previewOfText(json: string, places: Places, lang: Lang): FormPreview {
  try {
    return previewForm(parseJson(json), places, lang);
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    return { ok: false, messages: err.errors.map((e) => `${e.path}: ${fieldMessage(e, lang)}`) };
  }
}
