import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { describe, expect, it } from 'vitest';

import { SERVER_ERROR } from '../forms/form-errors';
import { applyApiErrors } from './form-problem';

const refusal = (...errors: { field: string; message: string }[]) =>
  new HttpErrorResponse({
    status: 400,
    error: { type: 'about:blank', title: 'Bad Request', status: 400, errors },
  });

const worded = [{ field: 'number', message: 'this container is already on the job', key: 'containerTaken' }];

describe('applyApiErrors', () => {
  it('puts an error the SPA words itself on its control as that key', () => {
    const form = new FormGroup({ number: new FormControl('CSQU3054383') });
    const left = applyApiErrors(
      form,
      refusal({ field: 'number', message: 'this container is already on the job' }),
      {},
      worded,
    );
    expect(left).toEqual([]);
    expect(form.controls.number.errors).toEqual({ containerTaken: true });
    expect(form.controls.number.touched).toBe(true);
  });

  it('keeps the API message for other errors of the field, and returns those no control takes', () => {
    const form = new FormGroup({ number: new FormControl('X') });
    const left = applyApiErrors(
      form,
      refusal({ field: 'number', message: 'too long' }, { field: 'other', message: 'nope' }),
      {},
      worded,
    );
    expect(form.controls.number.errors).toEqual({ [SERVER_ERROR]: 'too long' });
    expect(left).toEqual([{ field: 'other', message: 'nope' }]);
  });
});
