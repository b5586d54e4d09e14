// A form control bound to its page's form by the field's name, as shadcn-svelte's
// `<Form.Field {form} name>`: the id, the posted name, the value and the errors all follow from
// the form and the name, so a page never passes them by hand. The form is superforms' client
// form: the values, the errors of the action's answer, and the form's id, which prefixes the
// ids of its fields (`register` + `birthYear` → `register-birth-year`).
import { fromStore, get } from 'svelte/store';
import {
  arrayProxy,
  formFieldProxy,
  type FormPathLeaves,
  type SuperForm,
} from 'sveltekit-superforms';
import type { FormMessage } from '$lib/server/forms';

export type PageForm<T extends Record<string, unknown>> = SuperForm<T, FormMessage>;

/**
 * Where a control's field comes from: a page's form and a field's name (a path such as
 * `tieKinds[0]` for a row of a list), or, in a form of the page's own that has no form object
 * (a search, a button acting on one item), an id, a name and errors given one by one.
 */
export type FieldSource<T extends Record<string, unknown>> =
  | { form: PageForm<T>; name: FormPathLeaves<T>; id?: undefined; errors?: undefined }
  | { form?: undefined; name?: string | undefined; id: string; errors?: string[] | undefined };

/** A control's field: its id, posted name, value (read and written) and errors. */
export interface Field<V> {
  readonly id: string;
  readonly name: string | undefined;
  value: V;
  readonly errors: string[] | undefined;
}

/** `tieCommunityIds[2]` → `tie-community-ids-2`: a field's part of an element id. */
export function fieldIdOf(formId: string, path: string): string {
  const kebab = path
    .replace(/\[(\d+)\]/g, '-$1')
    .replace(/\./g, '-')
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return `${formId}-${kebab}`;
}

/** The name a field is posted under: its list's name for a row (`budgets[1]` → `budgets`). */
export const postedName = (path: string): string => path.replace(/[[.].*$/, '');

/**
 * The field of a control, called once as the control starts (a control does not change form).
 * With a form it is bound to the form's value and errors (a list field's errors are the list's
 * own); without, the control's own props are read through `plain`.
 */
export function fieldOf<T extends Record<string, unknown>, V>(
  form: PageForm<T> | undefined,
  name: string | undefined,
  plain: {
    id: () => string;
    errors: () => string[] | undefined;
    value: () => V;
    set: (v: V) => void;
  },
): Field<V> {
  if (!form || name === undefined) {
    return {
      get id() {
        return plain.id();
      },
      name,
      get value() {
        return plain.value();
      },
      set value(value: V) {
        plain.set(value);
      },
      get errors() {
        return plain.errors();
      },
    };
  }
  return boundField(form, name);
}

/** The field `name` of a page's form: a text, a choice, a row of a list, or a whole list. */
export function boundField<T extends Record<string, unknown>, V>(
  form: PageForm<T>,
  name: string,
): Field<V> {
  const path = name as FormPathLeaves<T>;
  const proxy = formFieldProxy(form, path);
  const value = fromStore(proxy.value);
  const list = Array.isArray(value.current);
  const errors = fromStore(list ? arrayProxy(form, path as never).errors : proxy.errors);
  return {
    id: fieldIdOf(get(form.formId) ?? '', name),
    name: postedName(name),
    get value() {
      return value.current as V;
    },
    set value(next: V) {
      value.current = next as never;
    },
    get errors() {
      return errors.current;
    },
  };
}
