import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemResponses } from '../common/openapi.js';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { Staff } from '../common/staff-routes.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UsersQueryDto } from './dto/users-query.dto.js';
import { toUserView, UserView } from '../users/user.view.js';
import { UsersService } from './users.service.js';
import { RequiresFreshCredentials } from '../auth/fresh-credentials.js';

export class UserListView {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
}

export class InvitationSentView {
  @ApiProperty({ format: 'date-time', description: 'When the new link stops working.' })
  expiresAt!: string;
}

/** Staff accounts: admin only (docs/api.md#roles). */
@ApiTags('admin')
@Controller('v1/admin/users')
@Staff('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts, by name' })
  @ApiOkResponse({ type: UserListView, description: 'Sorted by name.' })
  async list(@Query() query: UsersQueryDto): Promise<UserListView> {
    return { items: (await this.users.list(query)).map(toUserView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff account' })
  @ApiOkResponse({ type: UserView })
  @ProblemResponses(404)
  async get(@Param('id') id: string): Promise<UserView> {
    return toUserView(await this.users.get(id));
  }

  @Post()
  @ApiOperation({ summary: 'Invite a staff member: the account and an emailed link' })
  @ApiCreatedResponse({
    type: UserView,
    description: 'The account exists without a password; an invitation link (72 h) is emailed.',
  })
  @ProblemResponses([409, 'An account uses this email address (in any case).'])
  async create(@Body() body: CreateUserDto, @Req() request: FastifyRequest): Promise<UserView> {
    return toUserView(await this.users.create(body, actorOf(request)));
  }

  @Patch(':id')
  @RequiresFreshCredentials({ whenBodyHas: 'role' })
  @ApiOperation({ summary: 'Change name, role (needs a fresh sign-in) or active flag' })
  @ApiOkResponse({ type: UserView })
  @ProblemResponses(404)
  @ProblemResponses([409, 'The last active admin would lose that role.'])
  async update(
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
    @Req() request: FastifyRequest,
  ): Promise<UserView> {
    return toUserView(await this.users.update(id, body, actorOf(request)));
  }

  @Post(':id/mfa/reset')
  @HttpCode(200)
  @ApiOperation({ summary: "Reset a user's two-factor sign-in" })
  @ApiOkResponse({
    type: UserView,
    description:
      'Two-factor sign-in and the recovery codes are cleared and every session of the ' +
      'account has ended; the next sign-in enrols again.',
  })
  @ProblemResponses(404)
  async resetMfa(@Param('id') id: string, @Req() request: FastifyRequest): Promise<UserView> {
    return toUserView(await this.users.resetMfa(id, actorOf(request)));
  }

  @Post(':id/invitation')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a new invitation link' })
  @ApiAcceptedResponse({ type: InvitationSentView, description: 'A new invitation is emailed.' })
  @ProblemResponses(404)
  @ProblemResponses([409, 'The user has a password already, or is deactivated.'])
  async resendInvitation(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<InvitationSentView> {
    const { expiresAt } = await this.users.resendInvitation(id, actorOf(request));
    return { expiresAt: expiresAt.toISOString() };
  }
}
