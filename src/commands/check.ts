export async function check(_o: unknown, _io: unknown): Promise<number> { throw new Error('check: under arbete'); }
