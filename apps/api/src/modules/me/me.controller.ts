import { Controller, Get, Put } from '@nestjs/common';
import { UpdateMeSchema, type UpdateMe, type User } from '@rabta/domain';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { ZodBody } from '../../common/http/zod';
import { UsersService } from '../users/users.service';

/** One's own profile: every signed-in user. */
@Controller('me')
@Access('viewer')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  get(@CurrentUser() user: AuthUser): Promise<User> {
    return this.users.getMe(user);
  }

  @Put()
  update(@CurrentUser() user: AuthUser, @ZodBody(UpdateMeSchema) body: UpdateMe): Promise<User> {
    return this.users.updateMe(user, body);
  }
}
