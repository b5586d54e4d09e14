// The form actions that establish a body and convene a meeting, shared by the community's
// meetings page (work/meetings) and the street's (work/meetings/street): the form names the
// community (`communityId`) or the street (`streetId`) the body is for.
import { m } from '$lib/paraglide/messages';
import { chinaDateTime, lines } from '$lib/meeting/forms';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { rememberWrite } from '$lib/server/read-your-writes';
import { fail, type RequestEvent } from '@sveltejs/kit';

export async function establishBody({ request, locals, cookies }: RequestEvent) {
  const data = await request.formData();
  const name = formText(data, 'name');
  if (name === '') return itemBlank('establish');
  const communityId = formText(data, 'communityId');
  const streetId = formText(data, 'streetId');
  try {
    const result = await locals.api.meeting.establishBody.mutate({
      ...(communityId !== '' && { communityId }),
      ...(streetId !== '' && { streetId }),
      kind: formText(data, 'kind') as never,
      name,
    });
    rememberWrite(cookies, result.position);
  } catch (error) {
    return itemRefusal('establish', error);
  }
  return itemSuccess('establish', m.meeting_body_established({ name }));
}

export async function conveneMeeting({ request, locals, cookies }: RequestEvent) {
  const data = await request.formData();
  const title = formText(data, 'title');
  const startsAt = chinaDateTime(formText(data, 'startsAt'));
  const agenda = [
    ...lines(formText(data, 'agenda')).map((line) => ({ title: line })),
    ...lines(formText(data, 'reserved')).map((line) => ({ title: line, reserved: true })),
  ];
  const topicIds = data.getAll('topicIds').map(String);
  if (title === '' || formText(data, 'place') === '' || agenda.length + topicIds.length === 0) {
    return itemBlank('convene');
  }
  if (!startsAt)
    return fail(400, {
      item: 'convene',
      kind: 'error' as const,
      text: m.meeting_starts_invalid(),
    });
  try {
    const result = await locals.api.meeting.convene.mutate({
      bodyId: formText(data, 'bodyId'),
      title,
      agenda,
      startsAt,
      place: formText(data, 'place'),
      topicIds,
    });
    rememberWrite(cookies, result.position);
  } catch (error) {
    return itemRefusal('convene', error);
  }
  return itemSuccess('convene', m.meeting_convened({ title }));
}
