import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

/** Route ids are positive integers; anything else is a 400 that says so (not a 500, not a 404). */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = Number(value);
    if (!/^\d{1,10}$/.test(value) || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) {
      throw new AppException('BAD_REQUEST', `"${String(value).slice(0, 40)}" is not a valid id`, {
        id: 'Must be a positive integer',
      });
    }
    return id;
  }
}
