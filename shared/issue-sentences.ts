/**
 * The schema library's issues as sentences a person can act on: they name the field and say
 * what it takes ("limit is at most 500"), instead of zod's "Too big: expected number to be
 * <=500". A transport may add its own way out (the CLI names the option that fixes it).
 */
import type { z } from 'zod';

const KIND_NAMES: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  array: 'a list',
  object: 'an object',
  boolean: 'true or false',
};

function list(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ');
}

/** The sentence for one issue about `field` ('' when it is about the arguments as a whole). */
export function issueSentence(issue: z.core.$ZodIssue, field: string): string {
  const subject = field === '' ? 'The arguments' : field;
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${subject} has at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${subject} has at most ${max} entries`;
      return issue.inclusive === false ? `${subject} is less than ${max}` : `${subject} is at most ${max}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? `${subject} cannot be empty` : `${subject} has at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? `${subject} needs at least one entry` : `${subject} needs at least ${min} entries`;
      return issue.inclusive === false ? `${subject} is more than ${min}` : `${subject} is at least ${min}`;
    }
    case 'invalid_type': {
      if (/received undefined/u.test(issue.message)) return `${subject} is required`;
      return `${subject} must be ${KIND_NAMES[issue.expected] ?? issue.expected}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `${subject} must be ${list(issue.values)}` : `${subject} is one of: ${list(issue.values)}`;
    case 'invalid_format':
      return `${subject} is not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `${subject} must be a multiple of ${Number(issue.divisor)}`;
    default:
      // Our own validators' issues (custom) already are sentences.
      return issue.message;
  }
}
