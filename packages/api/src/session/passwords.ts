// A new password as forms send it: checked against the password policy of @gongzhi/auth, each
// problem a field error in the caller's language.
import { z } from 'zod';
import { checkPasswordPolicy } from '@gongzhi/auth';
import { currentLocale } from '../input.ts';

export const newPasswordSchema = z.string().superRefine((password, issues) => {
  for (const problem of checkPasswordPolicy(password)) {
    issues.addIssue({ code: 'custom', message: problem.text[currentLocale()] });
  }
});
